using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>One POST as the receiver saw it, with the outcome of its Standard Webhooks verification.</summary>
internal sealed record ReceivedWebhook(
    string Inbox,
    string WebhookId,
    string Timestamp,
    string Signature,
    string ContentType,
    string Body,
    bool SignatureValid,
    int AnsweredStatus,
    DateTimeOffset ReceivedAt);

/// <summary>
/// A regulator inbox for tests: Kestrel on 127.0.0.1 (free port), <c>POST /{inbox}</c>. Each inbox answers as its
/// behaviour says (given the 1-based number of the call to that inbox); every request is verified with the
/// StandardWebhooks package and recorded.
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<int, CancellationToken, Task<int>>> _behaviours = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly StandardWebhook _verifier;

    private WebhookReceiver(string secret)
    {
        _verifier = new StandardWebhook(secret);
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/{inbox}", HandleAsync);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var receiver = new WebhookReceiver(secret);
        await receiver._app.StartAsync();
        receiver.BaseAddress = new Uri(receiver._app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)));
        return receiver;
    }

    /// <summary>Adds an inbox and returns its URL.</summary>
    public string Inbox(string name, Func<int, CancellationToken, Task<int>> behaviour)
    {
        _behaviours[name] = behaviour;
        return new Uri(BaseAddress, "/" + name).AbsoluteUri;
    }

    public string Inbox(string name, Func<int, int> statusForCall) =>
        Inbox(name, (call, _) => Task.FromResult(statusForCall(call)));

    public void Answer(string name, Func<int, int> statusForCall) =>
        _behaviours[name] = (call, _) => Task.FromResult(statusForCall(call));

    public IReadOnlyList<ReceivedWebhook> To(string inbox) => Received.Where(r => r.Inbox == inbox).ToList();

    private async Task HandleAsync(HttpContext context, string inbox)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
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

        var call = _calls.AddOrUpdate(inbox, 1, (_, n) => n + 1);
        var receivedAt = DateTimeOffset.UtcNow;
        var status = _behaviours.TryGetValue(inbox, out var behaviour)
            ? await ResolveAsync(behaviour, call, context.RequestAborted)
            : StatusCodes.Status404NotFound;
        _received.Enqueue(new ReceivedWebhook(
            inbox,
            context.Request.Headers["webhook-id"].ToString(),
            context.Request.Headers["webhook-timestamp"].ToString(),
            context.Request.Headers["webhook-signature"].ToString(),
            context.Request.ContentType ?? "",
            body,
            valid,
            status,
            receivedAt));
        context.Response.StatusCode = status;
    }

    private static async Task<int> ResolveAsync(Func<int, CancellationToken, Task<int>> behaviour, int call, CancellationToken aborted)
    {
        try
        {
            return await behaviour(call, aborted);
        }
        catch (OperationCanceledException)
        {
            return 499; // The sender gave up (timeout); nothing is written back.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
