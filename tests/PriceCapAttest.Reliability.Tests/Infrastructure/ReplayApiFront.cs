using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.Reliability.Tests.Infrastructure;

/// <summary>
/// The replay route of the HTTP API over a <see cref="PipelineUnderTest"/>: Kestrel on 127.0.0.1 (free port),
/// <c>POST /api/alerts/replay</c> with the regulator key, answered by the pipeline's <see cref="PriceCapApi"/> as the
/// hosts answer it. Lets <c>pricecap alerts replay</c> run against the test's pipeline.
/// </summary>
internal sealed class ReplayApiFront : IAsyncDisposable
{
    public const string RegulatorKey = "reliability-regulator-key";

    private readonly WebApplication _app;

    private ReplayApiFront(WebApplication app) => _app = app;

    /// <summary>The base address to pass as --api.</summary>
    public string Base { get; private set; } = null!;

    public static async Task<ReplayApiFront> StartAsync(PriceCapApi api)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/alerts/replay", async (HttpContext context) =>
        {
            var request = context.Request;
            var answer = KeyMatches(request.Headers[ApiHeaders.Key].ToString())
                ? await api.ReplayFailedAlertsAsync(request.Query["shipperId"], request.Query["attestationId"], request.Path, context.RequestAborted)
                : PriceCapApi.Unauthorized(request.Path);
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });

        var front = new ReplayApiFront(app);
        await app.StartAsync();
        front.Base = app.Urls.Single(url => url.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) + "/api";
        return front;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool KeyMatches(string given) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(RegulatorKey));
}
