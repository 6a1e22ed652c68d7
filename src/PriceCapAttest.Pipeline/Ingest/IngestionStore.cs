using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// The Ingestions table: the idempotency key of each upload (PK = blob path, RK = ETag), added insert-only
/// (pitfall 1). The first run adds it with the time received; a run that finds it (409) reads it and carries on
/// with that time, every later step being idempotent. Whether the upload is done is not kept here but in the
/// receipt row, which names the ETag it was written for (<see cref="Receipts.ReceiptStore"/>): writing the
/// receipt is the last step, so it completes the ingestion without a request of its own.
/// <para>
/// The row also carries <c>InProgressUntil</c>, an expiring mark that a running ingest sets and renews
/// (<see cref="InProgressRenewal"/>), so that the missed-upload sweep leaves an ingest in flight alone. It is the
/// only column ever merged into an existing row; a crashed ingest's mark simply expires.
/// </para>
/// </summary>
public sealed class IngestionStore(TableServiceClient tables)
{
    private const string InProgressUntilColumn = "InProgressUntil";

    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Ingestions);

    /// <summary>
    /// Adds the ingestion (marked in progress until <paramref name="inProgressUntil"/>, when given), or returns the
    /// one already there unchanged: a run that goes on with it takes the mark over with <see cref="MarkInProgressAsync"/>.
    /// </summary>
    public async Task<IngestionRecord> StartAsync(
        string blobPath, string etag, DateTimeOffset receivedAt, DateTimeOffset? inProgressUntil, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag))
        {
            ["BlobPath"] = blobPath,
            ["ETag"] = etag,
            ["ReceivedAt"] = receivedAt,
        };
        if (inProgressUntil is { } until)
        {
            entity[InProgressUntilColumn] = until;
        }

        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new IngestionRecord(blobPath, etag, receivedAt, inProgressUntil, IsNew: true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return FromEntity(existing.Value);
        }
    }

    /// <summary>Sets (or renews) the in-progress mark of an existing ingestion; the rest of the row is left as it is.</summary>
    public async Task MarkInProgressAsync(string blobPath, string etag, DateTimeOffset inProgressUntil, CancellationToken cancellationToken)
    {
        var mark = new TableEntity(RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag))
        {
            [InProgressUntilColumn] = inProgressUntil,
        };
        await _table.UpdateEntityAsync(mark, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The ingestion of one upload (blob path and ETag, quoted or not), or null when none was started.</summary>
    public async Task<IngestionRecord?> GetAsync(string blobPath, string etag, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync<TableEntity>(
            RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag), cancellationToken).ConfigureAwait(false);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>The ingestions of one blob path (one per ETag seen), a single-partition query.</summary>
    public async Task<IReadOnlyList<IngestionRecord>> ListAsync(string blobPath, CancellationToken cancellationToken)
    {
        var partition = RecordKeys.IngestionPartition(blobPath);
        var result = new List<IngestionRecord>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            result.Add(FromEntity(entity));
        }

        return result;
    }

    private static IngestionRecord FromEntity(TableEntity entity) => new(
        entity.GetString("BlobPath"),
        entity.GetString("ETag"),
        entity.GetDateTimeOffset("ReceivedAt") ?? default,
        entity.GetDateTimeOffset(InProgressUntilColumn),
        IsNew: false);
}

/// <summary>
/// One ingestion: <see cref="IsNew"/> is true for the run that added it; <see cref="InProgressUntil"/> is the
/// expiring mark of the run processing it (null when never set).
/// </summary>
public sealed record IngestionRecord(string BlobPath, string ETag, DateTimeOffset ReceivedAt, DateTimeOffset? InProgressUntil, bool IsNew)
{
    /// <summary>True while an ingest holds a mark that has not expired at <paramref name="now"/>.</summary>
    public bool IsInProgressAt(DateTimeOffset now) => InProgressUntil > now;
}
