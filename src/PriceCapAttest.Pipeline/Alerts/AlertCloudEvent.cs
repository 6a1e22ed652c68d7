using System.Globalization;
using System.Net.Mime;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>The <c>data</c> of an alert event: the facts a regulator needs to find and verify the evidence.</summary>
public sealed record AlertEventData(
    string AlertId,
    string EventType,
    string ShipperId,
    string AttestationId,
    int Version,
    string Regime,
    string BlobPath,
    string Sha256,
    DateTimeOffset CreatedAt,
    string Link,
    int Evaluation,
    string Cause,
    string? RescreenRunId,
    string? ScheduleVersion);

/// <summary>
/// Builds the CloudEvents 1.0 structured-mode JSON of an alert. The body depends only on the alert (never on the
/// send time or the endpoint), so every retry of an alert sends the same bytes.
/// </summary>
public static class AlertCloudEvent
{
    public const string TypePrefix = "org.pricecapattest.";
    public const string ViolationType = TypePrefix + AlertMessage.Violation;
    public const string ResolvedType = TypePrefix + AlertMessage.Resolved;

    private static readonly JsonEventFormatter Formatter =
        new(new JsonSerializerOptions(JsonSerializerDefaults.Web), default);

    /// <summary>CloudEvents <c>type</c> for an alert event type (violation, resolved).</summary>
    public static string TypeOf(string eventType)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        return TypePrefix + eventType.ToLowerInvariant();
    }

    /// <summary>The API address of the attestation version the alert is about: a path, or absolute with a base.</summary>
    public static string LinkOf(AlertMessage alert, Uri? apiBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var path = string.Create(CultureInfo.InvariantCulture,
            $"/api/attestations/{Uri.EscapeDataString(alert.ShipperId)}/{Uri.EscapeDataString(alert.AttestationId)}?version={alert.Version}");
        return apiBaseUrl is null ? path : apiBaseUrl.GetLeftPart(UriPartial.Authority) + path;
    }

    public static CloudEvent Create(AlertMessage alert, Uri? apiBaseUrl = null)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var source = string.Create(CultureInfo.InvariantCulture,
            $"/attestations/{Uri.EscapeDataString(alert.ShipperId)}/{Uri.EscapeDataString(alert.AttestationId)}");
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = alert.AlertId,
            Type = TypeOf(alert.EventType),
            Source = new Uri(source, UriKind.Relative),
            Subject = string.Create(CultureInfo.InvariantCulture, $"versions/{alert.Version}/regimes/{alert.Regime}"),
            Time = alert.CreatedAt,
            DataContentType = MediaTypeNames.Application.Json,
            Data = new AlertEventData(
                alert.AlertId,
                alert.EventType,
                alert.ShipperId,
                alert.AttestationId,
                alert.Version,
                alert.Regime,
                alert.BlobPath,
                alert.Sha256,
                alert.CreatedAt,
                LinkOf(alert, apiBaseUrl),
                alert.Evaluation,
                alert.Cause,
                alert.RescreenRunId,
                alert.ScheduleVersion),
        };
        cloudEvent.Validate();
        return cloudEvent;
    }

    /// <summary>The structured-mode body (UTF-8 JSON) and its content type, application/cloudevents+json.</summary>
    public static (byte[] Body, string ContentType) Encode(CloudEvent cloudEvent)
    {
        ArgumentNullException.ThrowIfNull(cloudEvent);
        var body = Formatter.EncodeStructuredModeMessage(cloudEvent, out var contentType);
        return (body.ToArray(), contentType.ToString());
    }

    /// <summary>Reads a structured-mode body back (used by receivers and tests).</summary>
    public static CloudEvent Decode(ReadOnlyMemory<byte> body)
    {
        return Formatter.DecodeStructuredModeMessage(body, new ContentType("application/cloudevents+json"), null);
    }
}
