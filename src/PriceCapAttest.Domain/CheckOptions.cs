using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Domain;

/// <summary>Thresholds of the check (docs/attestation-format.md, "Check semantics" 6) and the reader limits.</summary>
public sealed record CheckOptions
{
    /// <summary>An otherwise Compliant regime needs review when deducted costs exceed this share of the delivered price.</summary>
    public decimal AncillaryCostBenchmark { get; init; } = 0.30m;

    /// <summary>With an assumed conversion factor, a price this close to the cap (share of the cap) needs review.</summary>
    public decimal NearCapTolerance { get; init; } = 0.02m;

    public ReaderLimits Limits { get; init; } = ReaderLimits.Default;

    public static CheckOptions Default { get; } = new();
}
