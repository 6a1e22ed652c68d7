using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// The Ingestions table: the idempotency key of each upload (PK = blob path, RK = ETag), written insert-only
/// (pitfall 1). The first run adds it with the time received; a run that finds it (409) reads it and carries on
/// with that time, every later step being idempotent. Whether the upload is done is not kept here but in the
/// receipt row, which names the ETag it was written for (<see cref="Receipts.ReceiptStore"/>): writing the
/// receipt is the last step, so it completes the ingestion without a request of its own.
/// </summary>
public sealed class IngestionStore(TableServiceClient tables)
{
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Ingestions);

    /// <summary>Adds the ingestion, or returns the one already there.</summary>
    public async Task<IngestionRecord> StartAsync(string blobPath, string etag, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(RecordKeys.IngestionPartition(blobPath), RecordKeys.IngestionRow(etag))
        {
            ["BlobPath"] = blobPath,
            ["ETag"] = etag,
            ["ReceivedAt"] = receivedAt,
        };
        try
        {
            await _table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return new IngestionRecord(blobPath, etag, receivedAt, IsNew: true);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            var existing = await _table.GetEntityAsync<TableEntity>(entity.PartitionKey, entity.RowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return FromEntity(existing.Value);
        }
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
        IsNew: false);
}

/// <summary>One ingestion: <see cref="IsNew"/> is true for the run that added it.</summary>
public sealed record IngestionRecord(string BlobPath, string ETag, DateTimeOffset ReceivedAt, bool IsNew);
