using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.ScheduleSource;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.DependencyInjection;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers the storage clients (one of each, from the <c>AzureWebJobsStorage</c> connection; queues with
    /// Base64 messages), the options (sections Ingest, Schedule, Check; validated at start-up), the
    /// <see cref="StorageInitializer"/> hosted service, the cap schedule provider, ingestion, receipts, records and
    /// query services, re-screening (index, evaluations, runs, dry run), and the parties' services (shipper uploads,
    /// insurer fleets, read audit). The alert services (<c>IAlertPublisher</c>, <c>IAlertStatusReader</c>) are registered by the
    /// alert delivery registration. <see cref="PipelineTelemetry"/> is registered with the metrics services. <see cref="TimeProvider.System"/> is added unless a TimeProvider is registered.
    /// </summary>
    public static IServiceCollection AddPriceCapPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ScheduleOptions>().Bind(configuration.GetSection(ScheduleOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RescreenOptions>().Bind(configuration.GetSection(RescreenOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CheckThresholdOptions>().Bind(configuration.GetSection(CheckThresholdOptions.Section)).ValidateDataAnnotations().ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PipelineTelemetry>();
        services.TryAddSingleton(_ => StorageClients.FromConfiguration(configuration));
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Blobs);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Queues);
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageClients>().Tables);

        services.TryAddSingleton<StorageInitializer>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageInitializer>());

        services.TryAddSingleton<ICapScheduleProvider, BlobCapScheduleProvider>();
        services.TryAddSingleton<IngestionStore>();
        services.TryAddSingleton<AttestationRecordStore>();
        services.TryAddSingleton<ReceiptStore>();
        services.TryAddSingleton<ReceiptReevaluationStore>();
        services.TryAddSingleton<AttestationIngestService>();
        services.TryAddSingleton<FailedIngestionRecorder>();
        services.TryAddSingleton<MissedUploadSweep>();
        services.TryAddSingleton<AttestationQueryService>();
        services.TryAddSingleton<ScheduleQueryService>();
        services.TryAddSingleton<HealthQueryService>();
        services.TryAddSingleton<VersionAlerts>();
        services.TryAddSingleton<ScreeningIndex>();
        services.TryAddSingleton<EvaluationStore>();
        services.TryAddSingleton<ScheduleArchive>();
        services.TryAddSingleton<RescreenRunStore>();
        services.TryAddSingleton<RescreenPlanner>();
        services.TryAddSingleton<RescreenRunner>();
        services.TryAddSingleton<RescreenCoordinator>();
        services.TryAddSingleton<RescreenDryRun>();
        services.TryAddSingleton<AttestationUploads>();
        services.TryAddSingleton<FleetStore>();
        services.TryAddSingleton<ReadAudit>();
        return services;
    }
}
