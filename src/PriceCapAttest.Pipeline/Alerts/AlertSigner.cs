using System.Globalization;
using StandardWebhooks;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>The three Standard Webhooks headers of one signed request.</summary>
public sealed record WebhookSignature(string WebhookId, string Timestamp, string Signature)
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";
}

/// <summary>
/// Signs alert bodies per the Standard Webhooks specification: <c>webhook-signature: v1,&lt;base64 HMAC-SHA256 of
/// "{webhook-id}.{webhook-timestamp}.{body}"&gt;</c> with the key of the <c>whsec_</c> secret. The secret stays inside.
/// </summary>
public sealed class AlertSigner
{
    private readonly StandardWebhook _webhook;

    public AlertSigner(string signingSecret)
    {
        var problem = AlertOptionsValidator.CheckSecret(signingSecret);
        if (problem is not null)
            throw new ArgumentException("Alerts:SigningSecret: " + problem, nameof(signingSecret));
        _webhook = new StandardWebhook(signingSecret);
    }

    /// <summary>Signs <paramref name="body"/> (the exact text sent) for the message id and send time given.</summary>
    public WebhookSignature Sign(string webhookId, DateTimeOffset timestamp, string body)
    {
        ArgumentException.ThrowIfNullOrEmpty(webhookId);
        ArgumentNullException.ThrowIfNull(body);
        var signature = _webhook.Sign(webhookId, timestamp, body);
        return new WebhookSignature(
            webhookId,
            timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
            signature);
    }

    public override string ToString() => "AlertSigner { secret hidden }";
}
