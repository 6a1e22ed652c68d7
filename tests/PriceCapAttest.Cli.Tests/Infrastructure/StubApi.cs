using System.Collections.Concurrent;
using System.Net;
using System.Text;

using static PriceCapAttest.Testing.Loopback;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>
/// A local HTTP server standing in for the pipeline's API: answers each "METHOD /api/path?query"
/// with a fixed status and body, 404 otherwise, and keeps what it received.
/// </summary>
public sealed class StubApi : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Dictionary<string, (int Status, string ContentType, string Body, string? Location)> _answers = new(StringComparer.Ordinal);
    private readonly Task _serving;

    public StubApi()
    {
        var port = FreePort();
        Base = $"http://127.0.0.1:{port}/api";
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    /// <summary>The base address to pass as --api.</summary>
    public string Base { get; }

    /// <summary>Each request: "METHOD path", its x-functions-key header and its body.</summary>
    public ConcurrentQueue<(string Request, string? Key, string Body)> Received { get; } = new();

    /// <summary>Each request with its Authorization and Content-Type headers too.</summary>
    public ConcurrentQueue<StubRequest> Requests { get; } = new();

    public StubApi Answer(string request, int status, string body, string contentType = "application/json", string? location = null)
    {
        lock (_answers) _answers[request] = (status, contentType, body, location);
        return this;
    }

    /// <summary>A base address where nothing listens.</summary>
    public static string Unreachable() => $"http://127.0.0.1:{FreePort()}/api";

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var request = $"{context.Request.HttpMethod} {context.Request.Url!.PathAndQuery}";
            Received.Enqueue((request, context.Request.Headers["x-functions-key"], body));
            Requests.Enqueue(new StubRequest(request, context.Request.Headers["x-functions-key"], context.Request.Headers["Authorization"], context.Request.ContentType, body));
            (int Status, string ContentType, string Body, string? Location) answer;
            lock (_answers)
            {
                answer = _answers.TryGetValue(request, out var found) ? found : (404, "application/problem+json",
                    """{"type":"about:blank","title":"Not found","status":404,"detail":"No such route.","instance":"/","errors":[]}""", null);
            }

            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            if (answer.Location is not null) context.Response.Headers["Location"] = answer.Location;
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, the managed listener's Close binds the port again to remove its prefix, which fails
        // once another test has taken that port.
        _listener.Close();
        await _serving.ConfigureAwait(false);
    }
}

/// <summary>One request the stub received: "METHOD path?query", its key, Authorization and Content-Type headers and body.</summary>
public sealed record StubRequest(string Request, string? Key, string? Authorization, string? ContentType, string Body);
