namespace PriceCapAttest.Domain.Results;

/// <summary>
/// The verdict for one coalition regime. Cap and price are USD per barrel (FOB-equivalent, rounded to 4
/// decimals); null where none applies (for example an Exempt regime of a non-Russian cargo).
/// </summary>
public sealed record RegimeResult(
    string Regime,
    Verdict Verdict,
    decimal? CapUsdPerBbl,
    decimal? PriceUsdPerBbl,
    string? RuleId,
    IReadOnlyList<string> Reasons);
