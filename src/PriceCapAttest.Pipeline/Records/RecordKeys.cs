using System.Globalization;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Keys of the record tables (every API query is a point read or a single-partition range query):
/// <list type="table">
/// <item><term>Attestations</term><description>PK = shipper|attestationId; RK <c>current|{PK}</c> (a copy of the current
/// version row plus the version count: the API answers "the current version" with this one point read),
/// <c>v{version:D6}|{PK}</c> (one per version, with the full check result), <c>h|{sha256}|{index:D6}</c> (content of
/// a version: the same content never becomes a second version; distinct documents have distinct hashes),
/// <c>e{version:D6}.{evaluation:D4}|{PK}</c> (an evaluation of a version that re-screening replaced: the history). The current
/// and version row keys repeat the partition key so that no row key is shared by two partitions: the storage emulator (Azurite, LokiJS) indexes
/// RowKey only, and a row key present in every partition turned each point read and insert into a scan of all
/// attestations.</description></item>
/// <item><term>VesselIndex</term><description>PK = IMO (7 digits); RK = loadingDate(yyyyMMdd)|shipper|attestationId,
/// current versions only (<c>Live</c> = true). Where an amendment moved the attestation to another vessel or date, the
/// old key keeps a tombstone (<c>Live</c> = false, the moving version's number) that the API never lists and that a
/// late projection of an older version cannot replace.</description></item>
/// <item><term>Violations</term><description>PK = regime; RK = loadingDate(yyyyMMdd)|shipper|attestationId|v{version:D6},
/// every version with a Violation for that regime.</description></item>
/// <item><term>Receipts</term><description>PK = shipper; RK = document name (the blob name below the shipper); the row
/// names the upload (ETag) whose ingestion it completes.</description></item>
/// <item><term>Ingestions</term><description>PK = blob path; RK = ETag: the idempotency key of one upload (added insert-only; only its expiring in-progress mark, InProgressUntil, is merged later).</description></item>
/// </list>
/// Every part is encoded with <see cref="KeyEncoder"/>.
/// </summary>
public static class RecordKeys
{
    public const string CurrentRowPrefix = "current|";
    public const string VersionRowPrefix = "v";
    public const string ContentRowPrefix = "h|";

    public static string Attestation(string shipperId, string attestationId) => KeyEncoder.Join(shipperId, attestationId);

    /// <summary>The row key of the current-version row in attestation partition <paramref name="partition"/>.</summary>
    public static string CurrentRow(string partition) => CurrentRowPrefix + partition;

    /// <summary>The row key of version <paramref name="version"/> in attestation partition <paramref name="partition"/>.</summary>
    public static string VersionRow(string partition, int version) =>
        VersionRowPrefix + version.ToString("D6", CultureInfo.InvariantCulture) + KeyEncoder.Separator + partition;

    public const string HistoryRowPrefix = "e";

    /// <summary>
    /// The row key of an evaluation of a version that a later one replaced (re-screening): <c>e{version:D6}.{evaluation:D4}|{PK}</c>.
    /// </summary>
    public static string HistoryRow(string partition, int version, int evaluation) =>
        HistoryRowPrefix + version.ToString("D6", CultureInfo.InvariantCulture) + "." +
        evaluation.ToString("D4", CultureInfo.InvariantCulture) + KeyEncoder.Separator + partition;

    public static string ContentRow(string sha256, int index) =>
        ContentRowPrefix + sha256.ToLowerInvariant() + KeyEncoder.Separator + index.ToString("D6", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static string VesselRow(DateOnly loadingDate, string shipperId, string attestationId) =>
        Date(loadingDate) + KeyEncoder.Separator + KeyEncoder.Join(shipperId, attestationId);

    public static string ViolationRow(DateOnly loadingDate, string shipperId, string attestationId, int version) =>
        VesselRow(loadingDate, shipperId, attestationId) + KeyEncoder.Separator + VersionRowPrefix + version.ToString("D6", CultureInfo.InvariantCulture);

    public static string ReceiptPartition(string shipperId) => KeyEncoder.Encode(shipperId);

    public static string ReceiptRow(string name) => KeyEncoder.Encode(name);

    public static string IngestionPartition(string blobPath) => KeyEncoder.Encode(blobPath);

    public static string IngestionRow(string etagOrHash) => KeyEncoder.Encode(etagOrHash.Trim('"'));

    /// <summary>The row keys of a date range [from, to] (both inclusive) in a date-first partition: RK ge lower and lt upper.</summary>
    public static (string Lower, string Upper) DateRange(DateOnly from, DateOnly to) =>
        (Date(from), to == DateOnly.MaxValue ? "99999999~" : Date(to.AddDays(1)));
}
