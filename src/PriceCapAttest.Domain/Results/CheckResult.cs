namespace PriceCapAttest.Domain.Results;

/// <summary>
/// The check result of one attestation (docs/attestation-format.md, "Check result"). <see cref="Reasons"/> holds the
/// reasons of the overall verdict (the only place for NoCoalitionNexus, where no regime is engaged);
/// <see cref="ScheduleVersion"/> names the cap schedule the verdict was reached with.
/// </summary>
public sealed record CheckResult
{
    public required string Source { get; init; }
    public required int Index { get; init; }
    public string? AttestationId { get; init; }
    public required Verdict Verdict { get; init; }
    public IReadOnlyList<string> Reasons { get; init; } = [];
    public IReadOnlyList<RegimeResult> Regimes { get; init; } = [];
    public IReadOnlyList<string> Flags { get; init; } = [];
    public IReadOnlyList<ValidationIssue> Errors { get; init; } = [];
    public string? ScheduleVersion { get; init; }

    public static CheckResult Rejected(string source, int index, string? attestationId,
        IReadOnlyList<ValidationIssue> errors, string? scheduleVersion = null) => new()
    {
        Source = source,
        Index = index,
        AttestationId = attestationId,
        Verdict = Verdict.Rejected,
        Errors = errors,
        ScheduleVersion = scheduleVersion,
    };
}
