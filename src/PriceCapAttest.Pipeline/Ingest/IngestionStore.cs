using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>States of an ingestion (one upload: blob path + ETag).</summary>
public enum IngestionState
{
    Started,
    Completed,
}

/// <summary>
/// The Ingestions table: the idempotency key of each upload (PK = blob path, RK = ETag), written insert-only
/// (pitfall 1). The first run adds it as Started with the time received; a run that finds it (409) reads it: a
/// Completed one is done, a Started one (a crash, or a duplicate still running) is carried on, every later step
/// being idempotent.
/// </summary>
public sealed class IngestionStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Ingestions);

    /// <summary>Adds the ingestion as Started, or returns the one already there.</summary>
    public async Task<IngestionRecord> StartAsync(string blobPath, string etag, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag))
        {
            ["BlobPath"] = blobPath,
            ["ETag"] = etag,
            ["State"] = nameof(IngestionState.Started),
            ["ReceivedAt"] = receivedAt,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new IngestionRecord(blobPath, etag, IngestionState.Started, receivedAt, null, IsNew: true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return FromEntity(existing.Value);
        }
    }

    public async Task CompleteAsync(string blobPath, string etag, string status, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag))
        {
            ["State"] = nameof(IngestionState.Completed),
            ["Status"] = status,
        };
        await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
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
        Enum.Parse<IngestionState>(entity.GetString("State")),
        entity.GetDateTimeOffset("ReceivedAt") ?? default,
        entity.GetString("Status"),
        IsNew: false);
}

/// <summary>One ingestion: <see cref="IsNew"/> is true for the run that added it.</summary>
public sealed record IngestionRecord(string BlobPath, string ETag, IngestionState State, DateTimeOffset ReceivedAt, string? Status, bool IsNew);
