using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Pipeline.Receipts;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// Finds uploads the blob trigger has not ingested (no receipt row naming the blob's current ETag) and ingests
/// them. The polling blob scanner of the local host can miss a blob written in the same second as a scan on the
/// storage emulator; ingest is idempotent per blob path and ETag, so a sweep that meets a trigger is harmless.
/// An upload whose ingestion row carries a live in-progress mark (<see cref="IngestionRecord.InProgressUntil"/>)
/// is being ingested right now and is left alone; once the mark has expired (the ingest crashed) it is swept.
/// </summary>
public sealed partial class MissedUploadSweep(
    BlobServiceClient blobs,
    ReceiptStore receipts,
    IngestionStore ingestions,
    AttestationIngestService ingest,
    TimeProvider clock,
    ILogger<MissedUploadSweep> logger)
{
    /// <summary>Ingests every document uploaded before <paramref name="uploadedBefore"/> that has no completed ingestion and none in flight.</summary>
    /// <param name="prefix">Only blobs under this prefix (a shipper id, say); null for all.</param>
    /// <returns>The number of documents ingested by this sweep.</returns>
    public async Task<int> SweepAsync(DateTimeOffset uploadedBefore, string? prefix, CancellationToken cancellationToken)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
        var ingested = 0;
        await foreach (var item in container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            if (item.Properties.LastModified is not { } modified || modified >= uploadedBefore) continue;
            if (DocumentPath.TryParse(item.Name) is not { } path) continue; // refused by name; never addressable

            // A listing spells the ETag without the quotes that blob properties carry; receipt rows keep it unquoted.
            var etag = item.Properties.ETag is { } listed ? ReceiptStore.Unquoted(listed.ToString()) : null;
            var receipt = await receipts.GetStateAsync(path.ShipperId, path.Name, cancellationToken).ConfigureAwait(false);
            if (etag is not null && receipt?.UploadETag == etag) continue;

            // Only uploads without their receipt cost this second read.
            if (etag is not null &&
                await ingestions.GetAsync(path.BlobPath, etag, cancellationToken).ConfigureAwait(false) is { } running &&
                running.IsInProgressAt(clock.GetUtcNow()))
            {
                LogInFlight(logger, path.BlobPath, running.InProgressUntil!.Value);
                continue;
            }

            LogMissed(logger, path.BlobPath);
            await ingest.IngestAsync(container.GetBlobClient(item.Name), cancellationToken).ConfigureAwait(false);
            ingested++;
        }

        return ingested;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{BlobPath} had not been ingested by the blob trigger; ingesting it now")]
    private static partial void LogMissed(ILogger logger, string blobPath);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobPath} is being ingested (marked in progress until {InProgressUntil:O}); the sweep leaves the in-flight ingest alone")]
    private static partial void LogInFlight(ILogger logger, string blobPath, DateTimeOffset inProgressUntil);
}
