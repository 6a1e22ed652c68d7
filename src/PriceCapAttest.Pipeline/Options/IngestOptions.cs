using System.ComponentModel.DataAnnotations;

namespace PriceCapAttest.Pipeline.Options;

/// <summary>Configuration section <c>Ingest</c>: limits of document ingestion.</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>Documents larger than this are refused (receipt Rejected, FileTooLarge) before being read. Default 10 MiB.</summary>
    [Range(1L, 1024L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>How many of a document's attestations are recorded at once (each is a transaction in its own partition).</summary>
    [Range(1, 64)]
    public int MaxDegreeOfParallelism { get; set; } = 8;

    /// <summary>
    /// How long a running ingest's in-progress mark lasts; the ingest renews it every third of this while it runs, so
    /// the missed-upload sweep leaves it alone, and a crashed ingest's mark expires after at most this long. Default 2 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Ingest:InProgressLease must be between 00:00:01 and 1.00:00:00.")]
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(2);
}
