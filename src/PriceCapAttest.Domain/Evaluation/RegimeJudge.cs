using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>The verdict of one regime once its cap is known (docs/attestation-format.md, step 6).</summary>
public sealed class RegimeJudge(CheckOptions options)
{
    public RegimeResult Judge(string regime, CapCandidate candidate, NormalizedPrice price, DateOnly loadingDate)
    {
        if (candidate.Period is not { } period)
            return new RegimeResult(regime, Verdict.Exempt, null, price.FobUsdPerBbl, null, [ReasonCodes.NoCapInForce]);

        var cap = period.CapUsdPerBbl;
        var (verdict, reason) = Decide(cap, price);
        // A regulator must never be alerted on a value nobody confirmed (docs/cap-rules.md, "A cap schedule ages").
        if (verdict == Verdict.Violation && !IsConfirmed(candidate, loadingDate))
            (verdict, reason) = (Verdict.NeedsReview, ReasonCodes.CapUnconfirmed);
        return new RegimeResult(regime, verdict, cap, price.FobUsdPerBbl, period.RuleId, [reason]);
    }

    /// <summary>
    /// True when a source confirms the cap's value for this loading date. (Whether a transition rule applies is the
    /// resolver's question: a rule no source confirmed yields both caps as candidates.)
    /// </summary>
    public static bool IsConfirmed(CapCandidate candidate, DateOnly loadingDate) =>
        candidate.Period is not { } period || period.ConfirmedOn(loadingDate);

    private (Verdict, string) Decide(decimal cap, NormalizedPrice price)
    {
        if (price.MissingItemizedCosts) return (Verdict.NeedsReview, ReasonCodes.MissingItemizedAncillaryCosts);

        var fob = price.FobUsdPerBbl;
        if (price.AssumedConversionFactor && IsNearCap(fob, cap))
            return (Verdict.NeedsReview, ReasonCodes.AssumedConversionFactorNearCap);
        if (fob > cap) return (Verdict.Violation, ReasonCodes.PriceAboveCap);
        if (AncillaryCostsAboveBenchmark(price))
            return (Verdict.NeedsReview, ReasonCodes.AncillaryCostsAboveBenchmark);
        return (Verdict.Compliant, ReasonCodes.PriceAtOrBelowCap);
    }

    private bool IsNearCap(decimal price, decimal cap) => Math.Abs(price - cap) <= cap * options.NearCapTolerance;

    private bool AncillaryCostsAboveBenchmark(NormalizedPrice price) =>
        price.DeductedUsdPerBbl > price.DeliveredUsdPerBbl * options.AncillaryCostBenchmark;
}
