using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Ingest;

namespace PriceCapAttest.Functions;

/// <summary>A document the blob trigger gave up on (host poison queue) gets a Failed receipt.</summary>
public sealed class RecordFailedIngestion(FailedIngestionRecorder recorder)
{
    [Function(nameof(RecordFailedIngestion))]
    public Task Run(
        [QueueTrigger(StorageNames.Queues.BlobTriggerPoison, Connection = "AzureWebJobsStorage")] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordPoisonMessageAsync(message, cancellationToken);
}
