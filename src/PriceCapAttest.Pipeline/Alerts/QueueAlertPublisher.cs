using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Publishes an alert: one entity group transaction inserts its alert row and one Pending row per endpoint
/// configured for its regime (insert-only: a second publish of the same AlertId fails with 409 and queues nothing),
/// then the delivery message is queued (Base64) and the alert row stamped <c>QueuedAt</c>. Concurrent publishes of
/// the same alert (duplicate blob events) queue it once: the losers wait for the stamp. A publish interrupted
/// between the insert and the queueing is completed by a later publish of the same alert (after a lease).
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
            if (!await ClaimUnqueuedAsync(row, cancellationToken).ConfigureAwait(false))
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

    /// <summary>
    /// Alerts of one attestation (one partition) with their Pending rows in one transaction and their stamps in
    /// another: a queue message per alert still. When the rows do not fit one transaction, or one of them exists
    /// already (409: a redelivery, a resumed run), nothing was written and each alert goes through
    /// <see cref="PublishAsync"/>, which completes or skips it.
    /// </summary>
    public async Task PublishAllAsync(IReadOnlyList<AlertMessage> alerts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        if (alerts.Select(a => AlertQueueMessage.Check(a)).FirstOrDefault(p => p is not null) is { } problem)
            throw new ArgumentException("Incomplete alert: " + problem + ".", nameof(alerts));

        var now = time.GetUtcNow();
        var rows = alerts.Select(alert => AlertEntity.ForAlert(alert, now)).ToList();
        var batch = alerts.Zip(rows).SelectMany(pair => (IEnumerable<ITableEntity>)[pair.Second,
                .. options.Value.EndpointsFor(pair.First.Regime).Take(AlertOptions.MaxEndpointsPerRegime).Select(endpoint => AlertEntity.ForEndpoint(pair.First, endpoint, now))])
            .Select(entity => new TableTransactionAction(TableTransactionActionType.Add, entity))
            .ToList();
        if (alerts.Count < 2 || batch.Count > Storage.EntityGroupTransaction.MaxActions || rows.Select(r => r.PartitionKey).Distinct(StringComparer.Ordinal).Count() > 1)
        {
            foreach (var alert in alerts)
                await PublishAsync(alert, cancellationToken).ConfigureAwait(false);
            return;
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await storage.Table.SubmitTransactionAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            foreach (var alert in alerts)
                await PublishAsync(alert, cancellationToken).ConfigureAwait(false);
            return;
        }

        foreach (var alert in alerts)
            await storage.Queue.SendMessageAsync(new AlertQueueMessage(1, alert).ToJson(), cancellationToken).ConfigureAwait(false);

        // Merge only QueuedAt: the dispatcher may already be updating the status of these rows.
        var stamped = time.GetUtcNow();
        await storage.Table.SubmitTransactionAsync(
            [.. rows.Select(row => new TableTransactionAction(TableTransactionActionType.UpdateMerge,
                new TableEntity(row.PartitionKey, row.RowKey) { [nameof(AlertEntity.QueuedAt)] = stamped }, ETag.All))],
            cancellationToken).ConfigureAwait(false);
        foreach (var alert in alerts)
            LogPublished(alert.AlertId, alert.Regime, options.Value.EndpointsFor(alert.Regime).Count);
    }

    /// <summary>
    /// After a 409 on insert: true when this publisher must queue the alert, false when it is queued already. The
    /// publisher that inserted the row (or last claimed it, <c>QueueClaimedAt</c>) queues it; a concurrent duplicate
    /// waits for its <c>QueuedAt</c> stamp instead of queueing a second message. A claim older than
    /// <see cref="ClaimLease"/> without a stamp is taken as abandoned (a crash between insert and queueing) and taken
    /// over with an ETag-conditional update, so exactly one publisher completes it.
    /// </summary>
    private async Task<bool> ClaimUnqueuedAsync(AlertEntity inserted, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var found = await storage.Table
                .GetEntityIfExistsAsync<TableEntity>(inserted.PartitionKey, inserted.RowKey, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!found.HasValue)
                return false;
            var existing = found.Value!;
            if (existing.GetDateTimeOffset(nameof(AlertEntity.QueuedAt)) is not null)
                return false;

            var claimedAt = existing.GetDateTimeOffset(QueueClaimedAt) ?? existing.GetDateTimeOffset(nameof(AlertEntity.CreatedAt));
            if (claimedAt is null || time.GetUtcNow() - claimedAt.Value >= ClaimLease)
            {
                var claim = new TableEntity(inserted.PartitionKey, inserted.RowKey) { [QueueClaimedAt] = time.GetUtcNow() };
                try
                {
                    await storage.Table.UpdateEntityAsync(claim, existing.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                    return true;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    continue; // Claimed or stamped by another publisher meanwhile: look again.
                }
            }

            if (waited.Elapsed > ClaimLease + ClaimPoll)
            {
                throw new InvalidOperationException(
                    $"Alert {inserted.AlertId} is being queued by another publisher (claimed at {claimedAt:O}); try again later.");
            }

            await Task.Delay(ClaimPoll, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long a publisher that inserted an alert row has to queue it before another may take over.</summary>
    internal static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(100);
    private const string QueueClaimedAt = "QueueClaimedAt";

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} queued for regime {Regime} ({EndpointCount} endpoint(s)).")]
    private partial void LogPublished(string alertId, string regime, int endpointCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} was already published; not queued again.")]
    private partial void LogAlreadyPublished(string alertId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} was recorded but never queued; queueing it now.")]
    private partial void LogCompletingPublish(string alertId);
}
