using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Queues round 1 again for alerts that were queued but whose delivery never started. A host stopped while its queue
/// listener was receiving leaves the messages it had just received invisible for the listener's 10 minutes (a fixed
/// visibility of the WebJobs queue trigger), so their alerts would wait that long after a restart. A second copy is
/// harmless: the dispatcher starts a round once and drops the other copy as a duplicate (or as already settled).
/// </summary>
public sealed partial class UnstartedAlertRequeuer(AlertStorage storage, ILogger<UnstartedAlertRequeuer> logger)
{
    /// <summary>Requeues the Pending alerts with no round started that were queued before <paramref name="queuedBefore"/>.</summary>
    /// <returns>How many were queued again.</returns>
    public async Task<int> RequeueAsync(DateTimeOffset queuedBefore, CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var pending = nameof(AlertDeliveryStatus.Pending);
        var filter = TableClient.CreateQueryFilter($"Kind eq {AlertEntity.KindAlert} and Status eq {pending} and Attempts eq 0");
        var requeued = 0;
        await foreach (var row in storage.Table.QueryAsync<AlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.QueuedAt is not { } queuedAt || queuedAt >= queuedBefore || Read(row) is not { } alert)
            {
                continue; // still being published (the publisher completes it), or queued by this host
            }

            await storage.Queue.SendMessageAsync(new AlertQueueMessage(1, alert).ToJson(), cancellationToken).ConfigureAwait(false);
            requeued++;
        }

        if (requeued > 0)
        {
            LogRequeued(requeued);
        }

        return requeued;
    }

    private static AlertMessage? Read(AlertEntity row)
    {
        try
        {
            var alert = row.Message is null ? null : JsonSerializer.Deserialize<AlertMessage>(row.Message, AlertQueueMessage.Json);
            return AlertQueueMessage.Check(alert) is null ? alert : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} alert(s) queued before this host started and never started were queued again.")]
    private partial void LogRequeued(int count);
}
