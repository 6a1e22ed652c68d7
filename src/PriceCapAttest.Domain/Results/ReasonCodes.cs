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

    /// <summary>The price is above a cap no source confirms (unconfirmed, or past its scheduled review).</summary>
    public const string CapUnconfirmed = nameof(CapUnconfirmed);

    /// <summary>Only a transition rule no source confirmed would keep the older cap, and the two caps disagree.</summary>
    public const string TransitionUnconfirmed = nameof(TransitionUnconfirmed);

    /// <summary>Exempt under a general licence of the schedule; the regime result's ruleId names it.</summary>
    public const string GeneralLicenceExemption = nameof(GeneralLicenceExemption);

    /// <summary>EU: non-Russian oil loaded in Russia is exempt only with a non-Russian owner, which the document does not give.</summary>
    public const string OwnerRequiredForExport = nameof(OwnerRequiredForExport);

    /// <summary>The price is above the cap and the licence that would exempt the cargo is unconfirmed.</summary>
    public const string LicenceUnconfirmed = nameof(LicenceUnconfirmed);

    /// <summary>The price is above the cap and a licence would exempt the cargo if its discharge date or port showed it.</summary>
    public const string DischargeDetailsRequiredForLicence = nameof(DischargeDetailsRequiredForLicence);
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

    /// <summary>The cargo is exempt under a licence whose terms no source confirmed.</summary>
    public const string UnconfirmedLicence = nameof(UnconfirmedLicence);
}
