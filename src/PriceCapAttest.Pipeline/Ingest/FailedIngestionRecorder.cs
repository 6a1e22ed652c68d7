using System.Text.Json;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// The poison path: a document the pipeline failed on after all retries still shows up, as a Failed receipt
/// (blob and table), never silently dropped. A receipt of an upload that did complete is left alone.
/// </summary>
public sealed partial class FailedIngestionRecorder(
    IngestionStore ingestions,
    ReceiptStore receipts,
    TimeProvider clock,
    PipelineTelemetry telemetry,
    ILogger<FailedIngestionRecorder> logger)
{
    /// <summary>
    /// Records a Failed receipt for <paramref name="blobPath"/> (<c>attestations/{shipperId}/{name}</c>).
    /// Returns false when the path is not a document path, or the upload (that ETag) completed after all.
    /// </summary>
    public async Task<bool> RecordAsync(string blobPath, string error, CancellationToken cancellationToken, string? etag = null)
    {
        if (DocumentPath.TryParse(blobPath) is not { } path)
        {
            LogNotADocument(logger, blobPath);
            return false;
        }

        if (etag is not null &&
            await receipts.GetStateAsync(path.ShipperId, path.Name, cancellationToken).ConfigureAwait(false) is { } state &&
            state.UploadETag == ReceiptStore.Unquoted(etag) && state.Status != ReceiptStatus.Failed)
        {
            LogCompletedAfterAll(logger, path.BlobPath);
            return false;
        }

        var known = await ingestions.ListAsync(path.BlobPath, cancellationToken).ConfigureAwait(false);
        var same = etag is null ? null : known.FirstOrDefault(i => ReceiptStore.Unquoted(i.ETag) == ReceiptStore.Unquoted(etag));
        var receivedAt = same?.ReceivedAt ?? known.Select(i => (DateTimeOffset?)i.ReceivedAt).Max() ?? clock.GetUtcNow();
        if (etag is not null)
        {
            await ingestions.StartAsync(path.BlobPath, etag, receivedAt, inProgressUntil: null, cancellationToken).ConfigureAwait(false);
        }

        var receipt = new Receipt(path.BlobPath, path.ShipperId, path.Name, null, null, receivedAt, ReceiptStatus.Failed, null, error, []);
        await receipts.WriteAsync(receipt, etag, cancellationToken).ConfigureAwait(false);

        LogFailed(logger, path.BlobPath, error);
        telemetry.RecordIngestFailure(IngestFailureReason.GaveUp);
        return true;
    }

    /// <summary>
    /// Records the document named by a blob-trigger poison message (queue <c>webjobs-blobtrigger-poison</c>; JSON with
    /// ContainerName, BlobName, ETag, FunctionId...). Returns false for a message about another container or one
    /// that cannot be read (logged; nothing to record).
    /// </summary>
    public async Task<bool> RecordPoisonMessageAsync(string messageBody, CancellationToken cancellationToken)
    {
        telemetry.RecordPoison(StorageNames.Queues.BlobTriggerPoison);
        BlobTriggerPoisonMessage? message;
        try
        {
            message = JsonSerializer.Deserialize<BlobTriggerPoisonMessage>(messageBody, PoisonJson);
        }
        catch (JsonException e)
        {
            LogUnreadable(logger, e);
            return false;
        }

        if (message is not { ContainerName: { } container, BlobName: { } blobName } ||
            !string.Equals(container, StorageNames.Containers.Attestations, StringComparison.Ordinal))
        {
            LogNotADocument(logger, messageBody);
            return false;
        }

        var error = $"Processing failed after all retries (function {message.FunctionId ?? "unknown"}). " +
                    "The document was kept unchanged; upload it again or contact the operator.";
        return await RecordAsync($"{container}/{blobName}", error, cancellationToken, message.ETag).ConfigureAwait(false);
    }

    private static readonly JsonSerializerOptions PoisonJson = new() { PropertyNameCaseInsensitive = true };

    /// <summary>The body the WebJobs blob trigger puts on its poison queue.</summary>
    public sealed record BlobTriggerPoisonMessage(string? Type, string? FunctionId, string? BlobType, string? ContainerName, string? BlobName, string? ETag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ingestion of {BlobPath} failed after all retries: {Error}")]
    private static partial void LogFailed(ILogger logger, string blobPath, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{BlobPath} completed after all; no Failed receipt")]
    private static partial void LogCompletedAfterAll(ILogger logger, string blobPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Poison message not about an attestation document: {What}")]
    private static partial void LogNotADocument(ILogger logger, string what);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable blob-trigger poison message")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);
}
