using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Ingest;

namespace PriceCapAttest.LocalHost.Jobs;

/// <summary>
/// The triggered functions of the pipeline on the WebJobs SDK, the same adapters as in functions/: bind, call one
/// service. Blobs are found by the polling scanner (receipts in the azure-webjobs-hosts container), which works on
/// Azurite and on any storage account without Event Grid.
/// </summary>
public sealed class PipelineJobs(AttestationIngestService ingest, AlertDispatcher dispatcher, FailedIngestionRecorder recorder)
{
    [FunctionName("IngestAttestation")]
    public Task IngestAttestation(
        [BlobTrigger(StorageNames.Containers.Attestations + "/{shipperId}/{name}")] BlobClient blob,
        CancellationToken cancellationToken) =>
        ingest.IngestAsync(blob, cancellationToken);

    [FunctionName("DispatchAlert")]
    public Task DispatchAlert(
        [QueueTrigger(StorageNames.Queues.ViolationAlerts)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(message, dequeueCount, cancellationToken);

    [FunctionName("RecordFailedIngestion")]
    public Task RecordFailedIngestion(
        [QueueTrigger(StorageNames.Queues.BlobTriggerPoison)] string message,
        CancellationToken cancellationToken) =>
        recorder.RecordPoisonMessageAsync(message, cancellationToken);
}
