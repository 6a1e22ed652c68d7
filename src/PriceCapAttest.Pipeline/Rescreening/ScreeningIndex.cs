using System.Collections.Concurrent;
using System.Globalization;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// The re-screening index (table ScreeningIndex): one row per attestation under its current version's loading month,
/// PK = <c>yyyyMM</c>, RK = shipper|attestationId, with what decides whether a schedule change can affect it (loading
/// date, product, the regimes its result engages) and where its raw document is. Partition <c>months</c> lists the
/// months that hold rows, so a re-screen reads only the months a change covers, each with single-partition queries:
/// never a table scan. A row can outlive a move of the attestation to another month (an amendment); the re-screen
/// reads the current version and skips such a row.
/// </summary>
public sealed class ScreeningIndex(TableServiceClient tables)
{
    public const string MonthsPartition = "months";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.ScreeningIndex);
    private readonly ConcurrentDictionary<string, bool> _monthsKnown = new(StringComparer.Ordinal);

    public static string Month(DateOnly date) => date.ToString("yyyyMM", CultureInfo.InvariantCulture);

    /// <summary>Adds or replaces the row of a current version (versions without a loading date are not indexed).</summary>
    public async Task WriteAsync(AttestationVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (Entry(version) is not { } entity)
        {
            return;
        }

        await EnsureMonthAsync(entity.PartitionKey, cancellationToken).ConfigureAwait(false);
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// <see cref="WriteAsync"/> for the current versions of a file: the rows as transactions per month (upserts, so a
    /// refused transaction's rows are written one by one and a retry writes them again).
    /// </summary>
    public async Task WriteManyAsync(IEnumerable<AttestationVersion> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var entries = versions.Select(Entry).OfType<TableEntity>().ToList();
        foreach (var month in entries.Select(e => e.PartitionKey).Distinct(StringComparer.Ordinal))
        {
            await EnsureMonthAsync(month, cancellationToken).ConfigureAwait(false);
        }

        await PartitionedWrites.SubmitAsync(_table, entries, e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e),
            (e, ct) => _table.UpsertEntityAsync(e, TableUpdateMode.Replace, ct), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The index row of a version, or null without a loading date.</summary>
    public static TableEntity? Entry(AttestationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Facts.LoadingDate is not { } date)
        {
            return null;
        }

        var entity = new TableEntity(Month(date), KeyEncoder.Join(version.ShipperId, version.AttestationId))
        {
            ["ShipperId"] = version.ShipperId,
            ["AttestationId"] = version.AttestationId,
            ["Version"] = version.Version,
            ["LoadingDate"] = RecordKeys.Date(date),
            ["Regimes"] = string.Join(',', version.Result.Regimes.Select(r => r.Regime)),
        };
        VersionEntityMapper.SetIfNotNull(entity, "Product", version.Facts.Product);
        return entity;
    }

    /// <summary>Records that <paramref name="month"/> holds rows (once per process and month).</summary>
    public async Task EnsureMonthAsync(string month, CancellationToken cancellationToken)
    {
        if (_monthsKnown.ContainsKey(month))
        {
            return;
        }

        await _table.UpsertEntityAsync(new TableEntity(MonthsPartition, month), TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        _monthsKnown[month] = true;
    }

    /// <summary>The months that hold rows, oldest first.</summary>
    public async Task<IReadOnlyList<string>> MonthsAsync(CancellationToken cancellationToken)
    {
        var months = new List<string>();
        await foreach (var row in _table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {MonthsPartition}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            months.Add(row.RowKey);
        }

        months.Sort(StringComparer.Ordinal);
        return months;
    }

    /// <summary>The rows of one month after row key <paramref name="afterRow"/> (null: from the first), in pages.</summary>
    public async IAsyncEnumerable<IReadOnlyList<ScreeningEntry>> ReadAsync(
        string month, string? afterRow, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = afterRow is null
            ? TableClient.CreateQueryFilter($"PartitionKey eq {month}")
            : TableClient.CreateQueryFilter($"PartitionKey eq {month} and RowKey gt {afterRow}");
        await foreach (var page in _table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
                           .AsPages().ConfigureAwait(false))
        {
            yield return [.. page.Values.Select(FromEntity)];
        }
    }

    private static ScreeningEntry FromEntity(TableEntity entity) => new(
        entity.PartitionKey,
        entity.RowKey,
        entity.GetString("ShipperId"),
        entity.GetString("AttestationId"),
        entity.GetInt32("Version") ?? 0,
        DateOnly.ParseExact(entity.GetString("LoadingDate"), "yyyyMMdd", CultureInfo.InvariantCulture),
        entity.GetString("Product"),
        entity.GetString("Regimes") is { Length: > 0 } regimes ? regimes.Split(',') : []);
}

/// <summary>One row of the re-screening index: an attestation whose current version was loaded on <see cref="LoadingDate"/>.</summary>
public sealed record ScreeningEntry(
    string Month,
    string RowKey,
    string ShipperId,
    string AttestationId,
    int Version,
    DateOnly LoadingDate,
    string? Product,
    IReadOnlyList<string> Regimes);
