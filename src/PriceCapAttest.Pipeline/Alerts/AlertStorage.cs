using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// The storage the alert services use: table <c>Alerts</c>, queue <c>violation-alerts</c> and its poison queue.
/// The queue clients must write Base64 (<see cref="QueueMessageEncoding.Base64"/>), which is what the Functions and
/// WebJobs hosts read. Azure SDK clients are thread-safe: one instance serves the whole process.
/// </summary>
public sealed class AlertStorage
{
    private readonly Lock _gate = new();
    private Task? _created;

    public AlertStorage(TableClient table, QueueClient queue, QueueClient poisonQueue)
    {
        Table = table ?? throw new ArgumentNullException(nameof(table));
        Queue = queue ?? throw new ArgumentNullException(nameof(queue));
        PoisonQueue = poisonQueue ?? throw new ArgumentNullException(nameof(poisonQueue));
    }

    public TableClient Table { get; }
    public QueueClient Queue { get; }
    public QueueClient PoisonQueue { get; }

    /// <summary>Storage with the standard names, from service clients (their queue client must encode Base64).</summary>
    public static AlertStorage FromServiceClients(TableServiceClient tables, QueueServiceClient queues)
    {
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(queues);
        return new AlertStorage(
            tables.GetTableClient(StorageNames.Tables.Alerts),
            queues.GetQueueClient(StorageNames.Queues.ViolationAlerts),
            queues.GetQueueClient(StorageNames.Queues.ViolationAlertsPoison));
    }

    /// <summary>Storage with the standard names from a connection string (AzureWebJobsStorage), Base64 queues.</summary>
    public static AlertStorage FromConnectionString(string connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        return FromServiceClients(
            new TableServiceClient(connectionString),
            new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
    }

    /// <summary>
    /// Creates the table and both queues if missing, once per process (a failed attempt is retried by the next call).
    /// An identity without permission to create them (403) is taken to mean they were provisioned by the templates.
    /// </summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        Task task;
        lock (_gate)
        {
            if (_created is null || _created.IsFaulted || _created.IsCanceled)
                _created = CreateAsync();
            task = _created;
        }
        return task.WaitAsync(cancellationToken);
    }

    private async Task CreateAsync()
    {
        try
        {
            await Table.CreateIfNotExistsAsync().ConfigureAwait(false);
            await Queue.CreateIfNotExistsAsync().ConfigureAwait(false);
            await PoisonQueue.CreateIfNotExistsAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 403)
        {
            // Not allowed to create: the infrastructure owns the table and queues.
        }
    }
}
