using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Reads an attestation's alerts with one single-partition query. Per alert it returns one entry per endpoint; an
/// alert with no endpoint rows (its regime had no route when it was published) appears once with a null endpoint.
/// </summary>
public sealed class TableAlertStatusReader(AlertStorage storage) : IAlertStatusReader
{
    public async Task<IReadOnlyList<AlertDelivery>> GetAsync(
        string shipperId, string attestationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(shipperId);
        ArgumentException.ThrowIfNullOrEmpty(attestationId);

        var partition = AlertKeys.Partition(shipperId, attestationId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var rows = new List<AlertEntity>();
        try
        {
            await foreach (var row in storage.Table.QueryAsync<AlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
                rows.Add(row);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return []; // The table does not exist yet: nothing was ever published.
        }

        return ToDeliveries(rows);
    }

    internal static IReadOnlyList<AlertDelivery> ToDeliveries(IEnumerable<AlertEntity> rows) =>
        rows.GroupBy(row => row.AlertId, StringComparer.Ordinal)
            .SelectMany(group =>
            {
                var endpoints = group.Where(row => row.Kind == AlertEntity.KindEndpoint).ToList();
                return endpoints.Count > 0 ? endpoints : group.Where(row => row.Kind == AlertEntity.KindAlert);
            })
            .Select(row => row.ToDelivery())
            .OrderBy(delivery => delivery.Version)
            .ThenBy(delivery => delivery.Regime, StringComparer.Ordinal)
            .ThenBy(delivery => delivery.EventType, StringComparer.Ordinal)
            .ThenBy(delivery => delivery.Endpoint, StringComparer.Ordinal)
            .ToList();
}
