using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// A row of the <c>Alerts</c> table (keys: <see cref="AlertKeys"/>). Two kinds share the partition of their
/// attestation: the alert row (<see cref="KindAlert"/>: the message, the overall status and the number of delivery
/// rounds) and one endpoint row per regulator URL (<see cref="KindEndpoint"/>: that endpoint's status, attempts and
/// last error). Endpoints are stored by their display form (no query string), never with access keys.
/// </summary>
public sealed class AlertEntity : ITableEntity
{
    public const string KindAlert = "alert";
    public const string KindEndpoint = "endpoint";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Kind { get; set; } = KindAlert;
    public string AlertId { get; set; } = "";
    public string EventType { get; set; } = "";
    public string ShipperId { get; set; } = "";
    public string AttestationId { get; set; } = "";
    public int Version { get; set; }
    public string Regime { get; set; } = "";
    public string Status { get; set; } = nameof(AlertDeliveryStatus.Pending);

    /// <summary>Alert row: delivery rounds started. Endpoint row: POSTs made to that endpoint.</summary>
    public int Attempts { get; set; }

    public string? LastError { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Alert row only.
    public string? BlobPath { get; set; }
    public string? Sha256 { get; set; }
    /// <summary>The alert as JSON (what <see cref="AlertMessage"/> holds), to replay it.</summary>
    public string? Message { get; set; }
    /// <summary>When the first delivery message was queued; null while publishing has not finished.</summary>
    public DateTimeOffset? QueuedAt { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    /// <summary>A new value each time a dispatcher starts a round: who runs the round now (see AlertDispatcher).</summary>
    public string? RoundClaim { get; set; }

    // Endpoint row only.
    public string? Endpoint { get; set; }
    public string? EndpointId { get; set; }
    public string? WebhookId { get; set; }
    public int? LastStatusCode { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }

    public AlertDeliveryStatus DeliveryStatus =>
        Enum.TryParse<AlertDeliveryStatus>(Status, out var status) ? status : AlertDeliveryStatus.Pending;

    public static AlertEntity ForAlert(AlertMessage alert, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        return new AlertEntity
        {
            PartitionKey = AlertKeys.Partition(alert.ShipperId, alert.AttestationId),
            RowKey = AlertKeys.Alert(alert.AlertId),
            Kind = KindAlert,
            AlertId = alert.AlertId,
            EventType = alert.EventType,
            ShipperId = alert.ShipperId,
            AttestationId = alert.AttestationId,
            Version = alert.Version,
            Regime = alert.Regime,
            Status = nameof(AlertDeliveryStatus.Pending),
            CreatedAt = now,
            UpdatedAt = now,
            BlobPath = alert.BlobPath,
            Sha256 = alert.Sha256,
            Message = AlertQueueMessage.Serialize(alert),
        };
    }

    public static AlertEntity ForEndpoint(AlertMessage alert, Uri endpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentNullException.ThrowIfNull(endpoint);
        return new AlertEntity
        {
            PartitionKey = AlertKeys.Partition(alert.ShipperId, alert.AttestationId),
            RowKey = AlertKeys.Endpoint(alert.AlertId, endpoint),
            Kind = KindEndpoint,
            AlertId = alert.AlertId,
            EventType = alert.EventType,
            ShipperId = alert.ShipperId,
            AttestationId = alert.AttestationId,
            Version = alert.Version,
            Regime = alert.Regime,
            Status = nameof(AlertDeliveryStatus.Pending),
            CreatedAt = now,
            UpdatedAt = now,
            Endpoint = EndpointIdentity.Display(endpoint),
            EndpointId = EndpointIdentity.Id(endpoint),
            WebhookId = EndpointIdentity.WebhookId(alert.AlertId, endpoint),
        };
    }

    public AlertDelivery ToDelivery() => new(
        AlertId,
        EventType,
        Regime,
        Version,
        Kind == KindEndpoint ? Endpoint : null,
        DeliveryStatus,
        Attempts,
        LastError,
        UpdatedAt);
}
