using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Ingest;

namespace PriceCapAttest.Functions;

/// <summary>An uploaded document (<c>attestations/{shipperId}/{name}</c>, via Event Grid on Flex Consumption) is ingested.</summary>
public sealed class IngestAttestation(AttestationIngestService ingest)
{
    [Function(nameof(IngestAttestation))]
    public Task Run(
        [BlobTrigger(StorageNames.Containers.Attestations + "/{shipperId}/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")]
        BlobClient blob,
        CancellationToken cancellationToken) =>
        ingest.IngestAsync(blob, cancellationToken);
}
