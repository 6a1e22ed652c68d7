using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Reliability.Tests.Infrastructure;

/// <summary>
/// The replay route of the HTTP API over a <see cref="PipelineUnderTest"/>: Kestrel on 127.0.0.1 (free port),
/// <c>POST /api/alerts/replay</c> with the regulator key, answered by the API's own handler
/// (<see cref="AlertRoutes.ReplayFailedAlerts"/>) over the pipeline's <see cref="FailedAlertReplayer"/>. Lets <c>pricecap alerts replay</c> run against the test's pipeline.
/// </summary>
internal sealed class ReplayApiFront : IAsyncDisposable
{
    public const string RegulatorKey = "reliability-regulator-key";

    private readonly WebApplication _app;

    private ReplayApiFront(WebApplication app) => _app = app;

    /// <summary>The base address to pass as --api.</summary>
    public string Base { get; private set; } = null!;

    public static async Task<ReplayApiFront> StartAsync(FailedAlertReplayer replayer)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(replayer);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        app.MapPost("/api/alerts/replay", (string? shipperId, string? attestationId, FailedAlertReplayer pipelineReplayer, HttpContext context) =>
                AlertRoutes.ReplayFailedAlerts(shipperId, attestationId, pipelineReplayer, context))
            .AddEndpointFilter(async (context, next) =>
                KeyMatches(context.HttpContext.Request.Headers[ApiHeaders.Key].ToString())
                    ? await next(context)
                    : Problem.Unauthorized(context.HttpContext));

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
