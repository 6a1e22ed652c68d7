using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>The verdict of one regime once its cap is known (attestation-format.md, step 6).</summary>
public sealed class RegimeJudge(CheckOptions options)
{
    public RegimeResult Judge(string regime, CapCandidate candidate, NormalizedPrice price)
    {
        if (candidate.Period is not { } period)
            return new RegimeResult(regime, Verdict.Exempt, null, price.FobUsdPerBbl, null, [ReasonCodes.NoCapInForce]);

        var cap = period.CapUsdPerBbl;
        var (verdict, reason) = Decide(cap, price);
        return new RegimeResult(regime, verdict, cap, price.FobUsdPerBbl, period.RuleId, [reason]);
    }

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
