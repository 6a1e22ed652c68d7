using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// The Pipeline's services wired as the hosts wire them (AddPriceCapPipeline + AddPriceCapAlerts, options validated
/// at start-up, the real queue alert publisher), on a given storage connection, without logging output. Optional
/// settings are added to (or override) the configuration; an optional clock replaces <see cref="TimeProvider.System"/>.
/// No hosted service runs (the provider is not a host), so queued alerts are not dispatched.
/// </summary>
public static class PipelineServices
{
    /// <summary>The development signing key of the local host's appsettings.json.</summary>
    public const string SigningSecret = "whsec_cHJpY2VjYXAtbG9jYWwtZGV2ZWxvcG1lbnQtc2lnbmluZy1rZXk=";

    public static async Task<ServiceProvider> CreateAsync(string connectionString, int parallelism, RequestCounter? counter = null,
        IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        counter ??= new RequestCounter();
        var values = new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = connectionString,
            ["Alerts:SigningSecret"] = SigningSecret,
            ["Ingest:MaxDegreeOfParallelism"] = parallelism.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // The pipeline's own client set, made as StorageClients.FromConnectionString makes it, plus a request counter.
        services.AddSingleton(new StorageClients(
            new BlobServiceClient(connectionString, counter.Add(new BlobClientOptions())),
            new QueueServiceClient(connectionString, counter.Add(StorageClients.QueueOptions())),
            new TableServiceClient(connectionString, counter.Add(new TableClientOptions()))));
        services.AddPriceCapPipeline(configuration).AddPriceCapAlerts(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        await provider.GetRequiredService<AlertStorage>().EnsureCreatedAsync(CancellationToken.None).ConfigureAwait(false);
        return provider;
    }
}
