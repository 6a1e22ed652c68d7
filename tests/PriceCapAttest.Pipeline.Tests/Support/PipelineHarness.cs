using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Support;

/// <summary>
/// The pipeline services wired as production wires them (AddPriceCapPipeline, options validated at start-up) on
/// the shared Azurite, with a fake clock, a recording alert publisher and a schedule container of its own.
/// Tests keep apart by using their own shipper ids.
/// </summary>
internal sealed class PipelineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private PipelineHarness(ServiceProvider provider, FakeTimeProvider clock, string scheduleContainer)
    {
        _provider = provider;
        Clock = clock;
        ScheduleContainer = scheduleContainer;
    }

    public FakeTimeProvider Clock { get; }
    public string ScheduleContainer { get; }
    public RecordingAlertPublisher Alerts => (RecordingAlertPublisher)_provider.GetRequiredService<IAlertPublisher>();
    public StubAlertStatusReader AlertStatus => (StubAlertStatusReader)_provider.GetRequiredService<IAlertStatusReader>();
    public BlobServiceClient Blobs => _provider.GetRequiredService<BlobServiceClient>();
    public AttestationIngestService Ingest => _provider.GetRequiredService<AttestationIngestService>();
    public FailedIngestionRecorder Failed => _provider.GetRequiredService<FailedIngestionRecorder>();
    public AttestationQueryService Queries => _provider.GetRequiredService<AttestationQueryService>();
    public ScheduleQueryService Schedule => _provider.GetRequiredService<ScheduleQueryService>();
    public T Get<T>() where T : notnull => _provider.GetRequiredService<T>();

    public static async Task<PipelineHarness> CreateAsync(AzuriteFixture azurite, IDictionary<string, string?>? settings = null)
    {
        var scheduleContainer = AzuriteFixture.UniqueName("config");
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Schedule:BlobContainer"] = scheduleContainer,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IAlertPublisher, RecordingAlertPublisher>();
        services.AddSingleton<IAlertStatusReader, StubAlertStatusReader>();
        services.AddPriceCapPipeline(configuration);

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return new PipelineHarness(provider, clock, scheduleContainer);
    }

    public static string NewShipper() => "shipper-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>Uploads a document to attestations/{shipperId}/{name} (overwriting) and returns its client.</summary>
    public async Task<BlobClient> UploadAsync(string shipperId, string name, string content)
    {
        var blob = Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{shipperId}/{name}");
        await blob.UploadAsync(Documents.Bytes(content), overwrite: true);
        return blob;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
