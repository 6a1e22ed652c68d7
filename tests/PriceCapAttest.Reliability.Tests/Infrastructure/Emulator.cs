using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Reliability.Tests.Infrastructure;

/// <summary>
/// Azurite persisting to a temp folder (<see cref="AzuriteOptions.Persistent"/>), so that it can be stopped
/// (SIGTERM, an orderly storage outage) and started again on the same ports with its data. One instance per test
/// class (<see cref="IClassFixture{TFixture}"/>): the fault tests count messages on the pipeline's own queues, which
/// no other test may touch.
/// </summary>
public sealed class Emulator() : AzuriteProcess(new AzuriteOptions { Persistent = true }), IAsyncLifetime
{
    /// <summary>
    /// Clients that give up quickly, so an outage surfaces as an exception within seconds (the tests' stand-in for
    /// the host's retry is the re-invocation, not the SDK's own retries).
    /// </summary>
    public static T Quick<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    public BlobServiceClient Blobs() => CreateBlobServiceClient(Quick(new BlobClientOptions()));

    public QueueServiceClient Queues() =>
        CreateQueueServiceClient(Quick(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));

    public TableServiceClient Tables() => CreateTableServiceClient(Quick(new TableClientOptions()));

    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
