using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.ScheduleSource;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Reliability.Tests.Infrastructure;

/// <summary>
/// The pipeline as the hosts wire it (AddPriceCapPipeline + AddPriceCapAlerts, options validated
/// at start-up), with the REAL alert publisher and dispatcher, on one <see cref="Emulator"/>, with storage clients
/// that give up quickly and a clock of the test's choosing. Storage names are the production ones, so the CLI
/// (which knows only those) works on the same data.
/// </summary>
internal sealed class PipelineUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PipelineUnderTest(ServiceProvider provider, string secret)
    {
        _provider = provider;
        Secret = secret;
    }

    /// <summary>The Standard Webhooks secret alerts are signed with.</summary>
    public string Secret { get; }

    public AttestationIngestService Ingest => Get<AttestationIngestService>();
    public AlertStorage AlertStorage => Get<AlertStorage>();
    public AlertDispatcher Dispatcher => Get<AlertDispatcher>();
    public IAlertStatusReader AlertStatus => Get<IAlertStatusReader>();
    public FailedAlertReplayer Replayer => Get<FailedAlertReplayer>();
    public ReceiptStore Receipts => Get<ReceiptStore>();
    public AttestationRecordStore Records => Get<AttestationRecordStore>();
    public ICapScheduleProvider Schedule => Get<ICapScheduleProvider>();
    public AttestationQueryService Queries => Get<AttestationQueryService>();

    public ScheduleQueryService ScheduleQueries => Get<ScheduleQueryService>();
    public BlobServiceClient Blobs => Get<BlobServiceClient>();
    public TableServiceClient Tables => Get<TableServiceClient>();

    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static string NewShipper() => "shipper-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Alert settings with short timings: 3 rounds, 10-50 ms backoff, 5 s per request, unless overridden.</summary>
    public static Dictionary<string, string?> AlertSettings(IReadOnlyDictionary<string, string> routes) =>
        new Dictionary<string, string?>
        {
            ["Alerts:MaxAttempts"] = "3",
            ["Alerts:BaseBackoff"] = "00:00:00.010",
            ["Alerts:MaxBackoff"] = "00:00:00.050",
            ["Alerts:RequestTimeout"] = "00:00:05",
        }.Concat(routes.Select(r => KeyValuePair.Create($"Alerts:Routes:{r.Key}:0", (string?)r.Value)))
            .ToDictionary(p => p.Key, p => p.Value);

    public static async Task<PipelineUnderTest> StartAsync(
        Emulator emulator, IDictionary<string, string?>? settings = null, TimeProvider? clock = null, string? secret = null)
    {
        secret ??= NewSecret();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = emulator.ConnectionString,
            ["Alerts:SigningSecret"] = secret,
            // Every regime routed somewhere unless the test says otherwise: the alert must be recorded either way.
            ["Alerts:Routes:EU:0"] = "http://127.0.0.1:9/eu",
            ["Alerts:Routes:GB:0"] = "http://127.0.0.1:9/gb",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddSingleton(new StorageClients(emulator.Blobs(), emulator.Queues(), emulator.Tables()));
        services.AddPriceCapPipeline(configuration).AddPriceCapAlerts(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        await provider.GetRequiredService<AlertStorage>().EnsureCreatedAsync(CancellationToken.None);
        return new PipelineUnderTest(provider, secret);
    }

    public BlobClient Document(string shipperId, string name) =>
        Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{shipperId}/{name}");

    public async Task<BlobClient> UploadAsync(string shipperId, string name, byte[] content)
    {
        var blob = Document(shipperId, name);
        await blob.UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        return blob;
    }

    public Task<BlobClient> UploadAsync(string shipperId, string name, string content) =>
        UploadAsync(shipperId, name, Encoding.UTF8.GetBytes(content));

    /// <summary>Every message on the violation-alerts queue (visible or not yet), by peeking after waiting them visible.</summary>
    public async Task<int> QueuedAlertCountAsync() =>
        (await AlertStorage.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>The visible messages of violation-alerts (up to 32), decoded.</summary>
    public async Task<List<AlertQueueMessage>> PeekAlertsAsync()
    {
        var result = new List<AlertQueueMessage>();
        foreach (var message in (await AlertStorage.Queue.PeekMessagesAsync(32)).Value)
        {
            Assert.True(AlertQueueMessage.TryParse(message.Body.ToString(), out var parsed, out var error), error);
            result.Add(parsed);
        }

        return result;
    }

    /// <summary>The alert rows (kind alert, not per-endpoint rows) of one attestation.</summary>
    public async Task<List<AlertEntity>> AlertRowsAsync(string shipperId, string attestationId)
    {
        var partition = AlertKeys.Partition(shipperId, attestationId);
        var rows = new List<AlertEntity>();
        await foreach (var row in AlertStorage.Table.QueryAsync<AlertEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {partition} and Kind eq {AlertEntity.KindAlert}")))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Consumes violation-alerts as the queue trigger does (decode, dispatch with the dequeue count, delete), with
    /// <paramref name="consumers"/> messages in flight at once, until the queue holds no message at all.
    /// </summary>
    public async Task<List<AlertDispatchOutcome>> RunAlertQueueAsync(int consumers = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(90);
        var clock = Stopwatch.StartNew();
        var outcomes = new List<AlertDispatchOutcome>();
        var queue = AlertStorage.Queue;
        var idle = 0;
        async Task Consume()
        {
            while (clock.Elapsed < limit)
            {
                var message = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(60))).Value;
                if (message is null)
                {
                    if ((await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0 && Volatile.Read(ref idle) == 0)
                        return;
                    await Task.Delay(50);
                    continue;
                }

                Interlocked.Increment(ref idle);
                try
                {
                    var outcome = await Dispatcher.DispatchAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None);
                    lock (outcomes)
                        outcomes.Add(outcome);
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                finally
                {
                    Interlocked.Decrement(ref idle);
                }
            }

            throw new TimeoutException($"violation-alerts was not empty after {limit}.");
        }

        await Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(Consume)));
        return outcomes;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
