namespace PriceCapAttest.Domain.Results;

/// <summary>Why a regime (or, for <see cref="NoCoalitionNexus"/>, the whole attestation) got its verdict.</summary>
public static class ReasonCodes
{
    public const string PriceAtOrBelowCap = nameof(PriceAtOrBelowCap);
    public const string PriceAboveCap = nameof(PriceAboveCap);
    public const string NoCoalitionNexus = nameof(NoCoalitionNexus);
    public const string NonRussianOrigin = nameof(NonRussianOrigin);
    public const string ProductOutOfScope = nameof(ProductOutOfScope);
    public const string NoCapInForce = nameof(NoCapInForce);
    public const string Sakhalin2Exemption = nameof(Sakhalin2Exemption);
    public const string MissingItemizedAncillaryCosts = nameof(MissingItemizedAncillaryCosts);
    public const string DischargeDateRequiredForTransition = nameof(DischargeDateRequiredForTransition);
    public const string AssumedConversionFactorNearCap = nameof(AssumedConversionFactorNearCap);
    public const string AncillaryCostsAboveBenchmark = nameof(AncillaryCostsAboveBenchmark);
}

/// <summary>Observations that never change a verdict but belong in the evidence.</summary>
public static class FlagCodes
{
    public const string SignedAfterLoading = nameof(SignedAfterLoading);
    public const string StsTransfer = nameof(StsTransfer);
    public const string LoadedInRussia = nameof(LoadedInRussia);
    public const string AssumedConversionFactor = nameof(AssumedConversionFactor);
    public const string UnconfirmedCapValue = nameof(UnconfirmedCapValue);
    public const string ExemptionNotApplicable = nameof(ExemptionNotApplicable);
}
