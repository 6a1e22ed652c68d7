using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Puts Failed alerts back on the delivery queue (an operator command, e.g. after a regulator endpoint was fixed or
/// a missing route configured). Each replayed alert starts again at round 1 with status Pending; endpoints that had
/// it already Delivered are not sent it again. The old copy stays in the poison queue as a record of the failure.
/// </summary>
public sealed partial class FailedAlertReplayer(AlertStorage storage, TimeProvider time, ILogger<FailedAlertReplayer> logger)
{
    /// <summary>
    /// Replays the Failed alerts of one attestation, or, with both ids null, of all attestations (a scan of the
    /// Alerts table filtered on status: fine for an occasional operator command, never for an API path).
    /// Returns the ids of the alerts replayed.
    /// </summary>
    public async Task<IReadOnlyList<string>> ReplayFailedAsync(
        string? shipperId, string? attestationId, CancellationToken cancellationToken)
    {
        if ((shipperId is null) != (attestationId is null))
            throw new ArgumentException("Give both the shipper and the attestation id, or neither.");

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var failed = nameof(AlertDeliveryStatus.Failed);
        var filter = shipperId is null
            ? TableClient.CreateQueryFilter($"Kind eq {AlertEntity.KindAlert} and Status eq {failed}")
            : TableClient.CreateQueryFilter(
                $"PartitionKey eq {AlertKeys.Partition(shipperId, attestationId!)} and Kind eq {AlertEntity.KindAlert} and Status eq {failed}");

        var rows = new List<AlertEntity>();
        await foreach (var row in storage.Table.QueryAsync<AlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            rows.Add(row);

        var replayed = new List<string>();
        foreach (var row in rows)
        {
            if (await ReplayAsync(row, cancellationToken).ConfigureAwait(false))
                replayed.Add(row.AlertId);
        }

        return replayed;
    }

    private async Task<bool> ReplayAsync(AlertEntity row, CancellationToken cancellationToken)
    {
        AlertMessage? alert;
        try
        {
            alert = row.Message is null ? null : JsonSerializer.Deserialize<AlertMessage>(row.Message, AlertQueueMessage.Json);
        }
        catch (JsonException)
        {
            alert = null;
        }

        if (AlertQueueMessage.Check(alert) is not null)
        {
            LogUnreplayable(row.AlertId);
            return false;
        }

        // Endpoints that failed become Pending again (their attempt counts are kept as history).
        var (after, before) = AlertKeys.EndpointRange(row.AlertId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {row.PartitionKey} and RowKey gt {after} and RowKey lt {before}");
        var now = time.GetUtcNow();
        await foreach (var endpoint in storage.Table.QueryAsync<AlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (endpoint.DeliveryStatus != AlertDeliveryStatus.Failed)
                continue;
            endpoint.Status = nameof(AlertDeliveryStatus.Pending);
            endpoint.UpdatedAt = now;
            await storage.Table.UpdateEntityAsync(endpoint, endpoint.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        row.Status = nameof(AlertDeliveryStatus.Pending);
        row.Attempts = 0;
        row.UpdatedAt = now;
        row.QueuedAt = now;
        row.NextAttemptAt = null;
        try
        {
            await storage.Table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false; // Replayed concurrently by someone else.
        }

        await storage.Queue.SendMessageAsync(new AlertQueueMessage(1, alert!).ToJson(), cancellationToken).ConfigureAwait(false);
        LogReplayed(row.AlertId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Failed alert {AlertId} queued again.")]
    private partial void LogReplayed(string alertId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed alert {AlertId} has no readable message and cannot be replayed.")]
    private partial void LogUnreplayable(string alertId);
}
