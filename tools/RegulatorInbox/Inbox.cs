using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace PriceCapAttest.RegulatorInbox;

/// <summary>
/// A regulator's webhook endpoint in miniature: <c>POST /{anything}</c> takes a signed CloudEvent, verifies it with
/// the StandardWebhooks package (secret <c>whsec_...</c>), answers 204 (401 when the signature is wrong), and keeps
/// it; a repeated webhook-id is marked as a duplicate. <c>GET /received</c> lists what came in, as JSON.
/// </summary>
public sealed class Inbox : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly StandardWebhook _verifier;
    private readonly ConcurrentQueue<ReceivedAlert> _received = new();
    private readonly ConcurrentDictionary<string, bool> _seen = new(StringComparer.Ordinal);
    private readonly Action<ReceivedAlert>? _onReceived;

    private Inbox(string url, string signingSecret, Action<ReceivedAlert>? onReceived)
    {
        _verifier = new StandardWebhook(signingSecret);
        _onReceived = onReceived;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/received", () => Results.Json(Received));
        _app.MapPost("/{**path}", HandleAsync);
    }

    /// <summary>The address the inbox listens on (with the port chosen when the URL asked for port 0).</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedAlert> Received => [.. _received];

    public static async Task<Inbox> StartAsync(string url, string signingSecret, Action<ReceivedAlert>? onReceived = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        ArgumentException.ThrowIfNullOrEmpty(signingSecret);
        var inbox = new Inbox(url, signingSecret, onReceived);
        await inbox._app.StartAsync(cancellationToken).ConfigureAwait(false);
        inbox.BaseAddress = new Uri(inbox._app.Urls.First());
        return inbox;
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => _app.WaitForShutdownAsync(cancellationToken);

    private async Task<IResult> HandleAsync(HttpContext context, string? path)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        bool valid;
        try
        {
            _verifier.Verify(body, context.Request.Headers);
            valid = true;
        }
        catch (WebhookVerificationException)
        {
            valid = false;
        }

        var webhookId = context.Request.Headers["webhook-id"].ToString();
        var duplicate = valid && !_seen.TryAdd(webhookId, true);
        var alert = Describe("/" + path, webhookId, body, valid, duplicate);
        _received.Enqueue(alert);
        _onReceived?.Invoke(alert);
        return valid ? Results.NoContent() : Results.Unauthorized();
    }

    private static ReceivedAlert Describe(string path, string webhookId, string body, bool valid, bool duplicate)
    {
        string? type = null, subject = null, shipper = null, attestation = null, regime = null;
        int? version = null;
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            type = Text(root, "type");
            subject = Text(root, "subject");
            if (root.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object)
            {
                shipper = Text(data, "shipperId");
                attestation = Text(data, "attestationId");
                regime = Text(data, "regime");
                version = data.TryGetProperty("version", out var v) && v.TryGetInt32(out var n) ? n : null;
            }
        }
        catch (JsonException)
        {
            // Not JSON: recorded with the body only.
        }

        return new ReceivedAlert(path, webhookId, type, subject, shipper, attestation, version, regime, valid, duplicate, DateTimeOffset.UtcNow, body);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>One line for people: what came in and whether its signature is valid.</summary>
    public static string Line(ReceivedAlert alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var what = alert.Type?.Split('.').LastOrDefault() ?? "unreadable";
        var version = alert.Version?.ToString(CultureInfo.InvariantCulture) ?? "?";
        var signature = alert.SignatureValid ? "signature valid" : "SIGNATURE INVALID";
        var duplicate = alert.Duplicate ? " (duplicate webhook-id, already received)" : "";
        return $"alert received: {what} {alert.Regime} {alert.ShipperId}/{alert.AttestationId} v{version} at {alert.Path} - {signature}{duplicate}";
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
