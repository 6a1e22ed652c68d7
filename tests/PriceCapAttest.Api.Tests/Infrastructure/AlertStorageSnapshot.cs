using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Queues;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// The host's side of alert delivery, for failure messages: alert rows (the <c>Alerts</c> table) by status, the rows
/// of some missing ids, and what waits in the alert queue and its poison queue.
/// </summary>
internal static class AlertStorageSnapshot
{
    public static async Task<string> DescribeAsync(TableServiceClient tables, QueueServiceClient queues, IReadOnlyList<string> missing)
    {
        try
        {
            var alerts = new List<TableEntity>();
            await foreach (var row in tables.GetTableClient("Alerts").QueryAsync<TableEntity>())
            {
                if (!row.RowKey.Contains('|', StringComparison.Ordinal))
                {
                    alerts.Add(row);
                }
            }

            var byStatus = alerts.GroupBy(r => r.GetString("Status") ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            var unstamped = alerts.Count(r => r.GetDateTimeOffset("QueuedAt") is null);
            var wanted = missing.Take(5).ToHashSet(StringComparer.Ordinal);
            var rows = alerts.Where(r => wanted.Contains(r.RowKey)).Select(r =>
                $"  {r.RowKey}: status {r.GetString("Status")}, attempts {r.GetInt32("Attempts")}, queued {r.GetDateTimeOffset("QueuedAt")?.ToString("O", CultureInfo.InvariantCulture) ?? "never"}, updated {r.GetDateTimeOffset("UpdatedAt")?.ToString("O", CultureInfo.InvariantCulture)}");
            var queue = (await queues.GetQueueClient("violation-alerts").GetPropertiesAsync()).Value.ApproximateMessagesCount;
            var poison = await queues.GetQueueClient("violation-alerts-poison").ExistsAsync()
                ? (await queues.GetQueueClient("violation-alerts-poison").GetPropertiesAsync()).Value.ApproximateMessagesCount
                : 0;
            return $"alert rows {alerts.Count} by status: {string.Join(", ", byStatus)}; {unstamped} never stamped QueuedAt; " +
                $"violation-alerts holds ~{queue} message(s), violation-alerts-poison ~{poison}{Environment.NewLine}{string.Join(Environment.NewLine, rows)}";
        }
        catch (Exception e) when (e is Azure.RequestFailedException or InvalidOperationException)
        {
            return $"(alert storage unreadable: {e.Message})";
        }
    }
}
