using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A change of cap (FromRuleId -> ToRuleId; FromRuleId null for the introduction of a cap) with the rules under
/// which a cargo keeps the old cap. A change without rules is decided by the loading date alone.
/// </summary>
public sealed record CapTransition(
    string Id,
    string Regime,
    ProductCategory Category,
    string? FromRuleId,
    string ToRuleId,
    IReadOnlyList<TransitionRule> Rules,
    string Instrument,
    string Source,
    bool Confirmed,
    string? Note);

/// <summary>
/// Conditions that must all hold for the old cap to apply. "Before" is strictly earlier; "by" is on or before;
/// <see cref="DischargedIn"/> is the ISO country of the discharge port. A rule no source confirmed
/// (<see cref="Confirmed"/> false; by default the transition's status) keeps the old cap only as a possibility.
/// </summary>
public sealed record TransitionRule(
    DateOnly? ContractBefore,
    DateOnly? LoadedBefore,
    DateOnly? DischargedBy,
    string? DischargedIn,
    bool Confirmed = true)
{
    public bool NeedsDischarge => DischargedBy is not null || DischargedIn is not null;

    public override string ToString()
    {
        var parts = new List<string>(4);
        if (ContractBefore is { } c) parts.Add($"contract before {c:yyyy-MM-dd}");
        if (LoadedBefore is { } l) parts.Add($"loaded before {l:yyyy-MM-dd}");
        if (DischargedBy is { } d) parts.Add($"discharged by {d:yyyy-MM-dd}");
        if (DischargedIn is { } country) parts.Add($"discharged in {country}");
        return string.Join(", ", parts);
    }
}
