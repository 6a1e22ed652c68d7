using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// The body of a <c>violation-alerts</c> message: the alert plus the delivery round it starts (1-based), as JSON
/// <c>{"attempt":1,"alert":{...}}</c>. A bare <see cref="AlertMessage"/> JSON is read as round 1.
/// </summary>
public sealed record AlertQueueMessage(int Attempt, AlertMessage Alert)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static string Serialize(AlertMessage alert) => JsonSerializer.Serialize(alert, Json);

    /// <summary>Reads a message body; false (with a reason) when it is not an alert message at all.</summary>
    public static bool TryParse(string body, [NotNullWhen(true)] out AlertQueueMessage? message, out string? error)
    {
        message = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "the body is not a JSON object";
                return false;
            }

            AlertQueueMessage? parsed;
            if (document.RootElement.TryGetProperty("alert", out _))
                parsed = document.RootElement.Deserialize<AlertQueueMessage>(Json);
            else
                parsed = new AlertQueueMessage(1, document.RootElement.Deserialize<AlertMessage>(Json)!);

            error = parsed is null ? "empty message" : Check(parsed.Alert) ?? (parsed.Attempt < 1 ? "attempt must be at least 1" : null);
            message = error is null ? parsed : null;
            return error is null;
        }
        catch (JsonException ex)
        {
            error = "invalid JSON: " + ex.Message;
            return false;
        }
    }

    /// <summary>Why an alert cannot be published or delivered, or null when it is complete.</summary>
    public static string? Check(AlertMessage? alert)
    {
        if (alert is null)
            return "the alert is missing";
        if (string.IsNullOrEmpty(alert.AlertId))
            return "alertId is required";
        if (string.IsNullOrEmpty(alert.EventType))
            return "eventType is required";
        if (string.IsNullOrEmpty(alert.ShipperId))
            return "shipperId is required";
        if (string.IsNullOrEmpty(alert.AttestationId))
            return "attestationId is required";
        if (string.IsNullOrEmpty(alert.Regime))
            return "regime is required";
        if (alert.Version < 1)
            return "version must be at least 1";
        return null;
    }
}
