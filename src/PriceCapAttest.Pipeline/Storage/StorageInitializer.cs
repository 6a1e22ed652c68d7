using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Options;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// Creates the pipeline's containers, queues and tables at start-up (idempotent: existing ones are left alone).
/// Registered as a hosted service; <see cref="EnsureCreatedAsync"/> can also be called directly (tests, tools).
/// </summary>
public sealed partial class StorageInitializer(
    BlobServiceClient blobs,
    QueueServiceClient queues,
    TableServiceClient tables,
    IOptions<ScheduleOptions> schedule,
    ILogger<StorageInitializer> logger) : IHostedService
{
    public static IReadOnlyList<string> Containers { get; } =
        [StorageNames.Containers.Attestations, StorageNames.Containers.Receipts, StorageNames.Containers.Config, StorageNames.Containers.ScheduleHistory];

    public static IReadOnlyList<string> Queues { get; } =
        [StorageNames.Queues.ViolationAlerts, StorageNames.Queues.ViolationAlertsPoison, StorageNames.Queues.BlobTriggerPoison];

    public static IReadOnlyList<string> Tables { get; } =
    [
        StorageNames.Tables.Attestations, StorageNames.Tables.VesselIndex, StorageNames.Tables.Violations,
        StorageNames.Tables.Receipts, StorageNames.Tables.Alerts, StorageNames.Tables.Ingestions,
        StorageNames.Tables.ScreeningIndex, StorageNames.Tables.Rescreens, StorageNames.Tables.ReceiptEvaluations,
        StorageNames.Tables.Fleets, StorageNames.Tables.ReadAudit, StorageNames.Tables.Parties,
    ];

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        foreach (var name in Containers.Append(schedule.Value.BlobContainer).Distinct(StringComparer.Ordinal))
        {
            await blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in Queues)
        {
            await queues.GetQueueClient(name).CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        foreach (var name in Tables)
        {
            await tables.CreateTableIfNotExistsAsync(name, cancellationToken).ConfigureAwait(false);
        }

        LogCreated(logger, Containers.Count, Queues.Count, Tables.Count);
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureCreatedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready: {Containers} containers, {Queues} queues, {Tables} tables")]
    private static partial void LogCreated(ILogger logger, int containers, int queues, int tables);
}
