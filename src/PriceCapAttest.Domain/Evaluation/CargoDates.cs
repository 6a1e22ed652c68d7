namespace PriceCapAttest.Domain.Evaluation;

/// <summary>The facts of a cargo that transition rules and licences look at (dates at date level, UTC).</summary>
public sealed record CargoDates(DateOnly ContractDate, DateOnly LoadingDate, DateOnly? DischargeDate, string? DischargeCountry)
{
    /// <summary>Discharged on or before <paramref name="dischargedBy"/>; Unknown without a discharge date, unless
    /// loading came later (discharge cannot precede loading).</summary>
    internal ConditionMatch DischargedBy(DateOnly dischargedBy) => DischargeDate switch
    {
        { } discharged => discharged > dischargedBy ? ConditionMatch.No : ConditionMatch.Yes,
        null when LoadingDate > dischargedBy => ConditionMatch.No,
        _ => ConditionMatch.Unknown,
    };

    /// <summary>Discharged in one of <paramref name="countries"/>; Unknown without a discharge port.</summary>
    internal ConditionMatch DischargedIn(IReadOnlyList<string> countries) => DischargeCountry switch
    {
        { } country => countries.Contains(country) ? ConditionMatch.Yes : ConditionMatch.No,
        null => ConditionMatch.Unknown,
    };
}
