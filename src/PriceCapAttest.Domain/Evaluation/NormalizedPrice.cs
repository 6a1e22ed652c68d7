namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// The declared price as USD per barrel: as delivered (the contract basis), the ancillary costs deducted to reach
/// an FOB equivalent, and the FOB-equivalent price rounded to 4 decimals (what is compared with a cap).
/// </summary>
public sealed record NormalizedPrice(
    decimal DeliveredUsdPerBbl,
    decimal DeductedUsdPerBbl,
    decimal FobUsdPerBbl,
    bool AssumedConversionFactor,
    IReadOnlyList<string> MissingCostTypes)
{
    public bool MissingItemizedCosts => MissingCostTypes.Count > 0;

    /// <summary>The price rounded as compared: per barrel, 4 decimals, half away from zero.</summary>
    public static decimal Round(decimal usdPerBbl) => Math.Round(usdPerBbl, 4, MidpointRounding.AwayFromZero);
}
