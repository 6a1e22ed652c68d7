using System.ComponentModel.DataAnnotations;
using PriceCapAttest.Domain;

namespace PriceCapAttest.Pipeline.Options;

/// <summary>
/// Configuration section <c>Check</c>: the thresholds of the check (docs/attestation-format.md, "Check semantics" 6),
/// turned into the Domain's <see cref="CheckOptions"/>.
/// </summary>
public sealed class CheckThresholdOptions
{
    public const string Section = "Check";

    /// <summary>Deducted ancillary costs above this share of the delivered price make a Compliant regime NeedsReview.</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal AncillaryCostBenchmark { get; set; } = CheckOptions.Default.AncillaryCostBenchmark;

    /// <summary>With an assumed conversion factor, a price this close to the cap (share of the cap) needs review.</summary>
    [Range(typeof(decimal), "0", "1")]
    public decimal NearCapTolerance { get; set; } = CheckOptions.Default.NearCapTolerance;

    /// <summary>The Domain options, with the readers' file size limit set to the ingest limit.</summary>
    public CheckOptions ToCheckOptions(long maxDocumentBytes) => CheckOptions.Default with
    {
        AncillaryCostBenchmark = AncillaryCostBenchmark,
        NearCapTolerance = NearCapTolerance,
        Limits = CheckOptions.Default.Limits with { MaxBytes = maxDocumentBytes },
    };
}
