namespace PriceCapAttest.Contracts;

/// <summary>
/// What publishing a proposed schedule would change: its differences from the schedule in force, how many
/// attestations would be examined and changed, counts per regime and verdict change, and the list.
/// </summary>
public sealed record RescreenDryRunReport(
    string ProposedVersion,
    string ProposedSha256,
    string InForceVersion,
    IReadOnlyList<string> Changes,
    int Months,
    int Examined,
    int Changed,
    int Unchanged,
    int Unavailable,
    IReadOnlyList<RescreenCount> Counts,
    IReadOnlyList<RescreenChange> Attestations);
