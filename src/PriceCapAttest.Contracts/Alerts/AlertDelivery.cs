namespace PriceCapAttest.Contracts;

public enum AlertDeliveryStatus
{
    Pending,
    Delivered,
    Failed,
}

/// <summary>The delivery state of one alert to one regulator endpoint (or, before fan-out, to its regime).</summary>
public sealed record AlertDelivery(
    string AlertId,
    string EventType,
    string Regime,
    int Version,
    string? Endpoint,
    AlertDeliveryStatus Status,
    int Attempts,
    string? LastError,
    DateTimeOffset UpdatedAt);
