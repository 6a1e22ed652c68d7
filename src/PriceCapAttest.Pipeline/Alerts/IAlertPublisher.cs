using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>Records alerts as Pending and queues them for delivery (idempotent per AlertId).</summary>
public interface IAlertPublisher
{
    Task PublishAsync(AlertMessage alert, CancellationToken cancellationToken);
}

/// <summary>Reads the delivery state of an attestation's alerts, for the API answer.</summary>
public interface IAlertStatusReader
{
    Task<IReadOnlyList<AlertDelivery>> GetAsync(string shipperId, string attestationId, CancellationToken cancellationToken);
}
