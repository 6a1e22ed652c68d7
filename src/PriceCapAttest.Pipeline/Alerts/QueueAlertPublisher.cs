using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Publishes an alert: one entity group transaction inserts its alert row and one Pending row per endpoint
/// configured for its regime (insert-only: a second publish of the same AlertId fails with 409 and queues nothing),
/// then the delivery message is queued (Base64) and the alert row stamped <c>QueuedAt</c>. A publish interrupted
/// between the insert and the queueing is completed by the next publish of the same alert.
/// </summary>
public sealed partial class QueueAlertPublisher(
    AlertStorage storage,
    IOptions<AlertOptions> options,
    TimeProvider time,
    ILogger<QueueAlertPublisher> logger) : IAlertPublisher
{
    public async Task PublishAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var problem = AlertQueueMessage.Check(alert);
        if (problem is not null)
            throw new ArgumentException("Incomplete alert: " + problem + ".", nameof(alert));

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var row = AlertEntity.ForAlert(alert, now);
        var endpoints = options.Value.EndpointsFor(alert.Regime);

        // Within one partition and at most 1 + MaxEndpointsPerRegime (21) entities: well inside the 100 limit.
        var batch = new List<TableTransactionAction> { new(TableTransactionActionType.Add, row) };
        batch.AddRange(endpoints.Take(AlertOptions.MaxEndpointsPerRegime)
            .Select(endpoint => new TableTransactionAction(TableTransactionActionType.Add, AlertEntity.ForEndpoint(alert, endpoint, now))));

        try
        {
            await storage.Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await storage.Table
                .GetEntityIfExistsAsync<AlertEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!existing.HasValue || existing.Value!.QueuedAt is not null)
            {
                LogAlreadyPublished(alert.AlertId);
                return;
            }

            LogCompletingPublish(alert.AlertId);
        }

        await storage.Queue.SendMessageAsync(new AlertQueueMessage(1, alert).ToJson(), cancellationToken).ConfigureAwait(false);

        // Merge only QueuedAt: the dispatcher may already be updating the status of this row.
        var stamp = new TableEntity(row.PartitionKey, row.RowKey) { [nameof(AlertEntity.QueuedAt)] = time.GetUtcNow() };
        await storage.Table.UpdateEntityAsync(stamp, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        LogPublished(alert.AlertId, alert.Regime, endpoints.Count);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} queued for regime {Regime} ({EndpointCount} endpoint(s)).")]
    private partial void LogPublished(string alertId, string regime, int endpointCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was already published; not queued again.")]
    private partial void LogAlreadyPublished(string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was recorded but never queued; queueing it now.")]
    private partial void LogCompletingPublish(string alertId);
}
