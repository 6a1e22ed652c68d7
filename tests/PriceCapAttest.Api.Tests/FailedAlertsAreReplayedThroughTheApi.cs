using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// Through the local host process: a second EU route that answers 503 until it is repaired leaves the alert Failed
/// (short retry settings); once it answers 200, <c>POST /api/alerts/replay?shipperId=&amp;attestationId=</c> with the
/// regulator key answers the replayed alert ids and the alert is Delivered there exactly once, and not sent again to
/// the route that had it already. The insurer key is 403 and no key 401, and neither replays anything.
/// </summary>
public sealed class FailedAlertsAreReplayedThroughTheApi(FailedAlertsAreReplayedThroughTheApi.RepairablePipeline pipeline)
    : IClassFixture<FailedAlertsAreReplayedThroughTheApi.RepairablePipeline>
{
    [Fact]
    public async Task A_Failed_Alert_Is_Replayed_By_The_Operator_And_Delivered_Once()
    {
        var shipper = LocalPipelineFixture.NewShipper();
        var content = await File.ReadAllBytesAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json"));
        var sample = await pipeline.UploadAndWaitAsync(shipper, "violation-eu.json", content, "ATT-2026-0043");
        var path = $"attestations/{Uri.EscapeDataString(sample.ShipperId)}/{Uri.EscapeDataString(sample.AttestationId)}";
        var endpoint = pipeline.Receiver.Endpoint;
        bool ToReceiver(JsonNode? alert) => alert!["endpoint"]?.GetValue<string>() is { } shown && shown.Contains(pipeline.Receiver.Authority, StringComparison.Ordinal);

        // Every alert settles; the one for the repairable route is Failed after its rounds.
        var settled = await Eventually.GetAsync(async () =>
        {
            var alerts = await AlertsAsync(path);
            return alerts.Count > 0 && alerts.All(a => a!["status"]!.GetValue<string>() is "Delivered" or "Failed") &&
                   alerts.Any(a => ToReceiver(a) && a!["status"]!.GetValue<string>() == "Failed")
                ? alerts
                : null;
        }, $"the alert to {endpoint} is Failed.{Environment.NewLine}{pipeline.HostOutput}", TimeSpan.FromSeconds(90));
        var failed = settled.Single(ToReceiver)!;
        var alertId = failed["alertId"]!.GetValue<string>();
        Assert.All(settled.Where(a => !ToReceiver(a)), a => Assert.Equal("Delivered", a!["status"]!.GetValue<string>()));
        var atInbox = pipeline.Inbox.Received.Count(a => a.ShipperId == shipper);
        Assert.True(atInbox > 0, "the inbox route had the alert delivered");
        Assert.DoesNotContain(pipeline.Receiver.Calls, c => c.Status == 200);

        // The route is repaired. No key, or the key of an insurer or a regulator, replays nothing.
        pipeline.Receiver.Repair();
        var replay = new Uri($"alerts/replay?shipperId={Uri.EscapeDataString(shipper)}&attestationId={Uri.EscapeDataString(sample.AttestationId)}", UriKind.Relative);
        using (var anonymous = await pipeline.Anonymous.PostAsync(replay, content: null))
        using (var insurer = await pipeline.Insurer.PostAsync(replay, content: null))
        using (var regulator = await pipeline.Regulator.PostAsync(replay, content: null))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, insurer.StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, regulator.StatusCode);
            Assert.Equal("application/problem+json", insurer.Content.Headers.ContentType?.MediaType);
        }

        Assert.Equal("Failed", (await AlertsAsync(path)).Single(ToReceiver)!["status"]!.GetValue<string>());

        // The operator replays: the answer names the alert, which is then Delivered at the repaired route once.
        using (var response = await pipeline.Operator.PostAsync(replay, content: null))
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
            var (valid, errors) = OpenApiDocument.Validate(OpenApiDocument.ResponseSchemaName("/alerts/replay", "post", 200, "application/json"), body);
            Assert.True(valid, errors);
            Assert.Equal([alertId], JsonNode.Parse(body)!["replayed"]!.AsArray().Select(id => id!.GetValue<string>()));
        }

        await Eventually.GetAsync(async () =>
        {
            var alerts = await AlertsAsync(path);
            return alerts.All(a => a!["status"]!.GetValue<string>() == "Delivered") ? alerts : null;
        }, $"every alert is Delivered after the replay.{Environment.NewLine}{pipeline.HostOutput}", TimeSpan.FromSeconds(60));
        var calls = pipeline.Receiver.Calls;
        Assert.Single(calls, c => c.Status == 200);
        Assert.Single(calls.Select(c => c.WebhookId).Distinct());
        Assert.Equal(atInbox, pipeline.Inbox.Received.Count(a => a.ShipperId == shipper));

        // Nothing is Failed any more: a second replay, of this attestation or of all, names no alert.
        foreach (var again in new[] { replay, new Uri("alerts/replay", UriKind.Relative) })
        {
            using var response = await pipeline.Operator.PostAsync(again, content: null);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Empty(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["replayed"]!.AsArray());
        }

        Assert.Single(pipeline.Receiver.Calls, c => c.Status == 200);
    }

    private async Task<JsonArray> AlertsAsync(string path)
    {
        using var response = await pipeline.Insurer.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["alerts"]!.AsArray();
    }

    /// <summary>The pipeline fixture with a second EU route to <see cref="Receiver"/> and short retry settings.</summary>
    public sealed class RepairablePipeline : LocalPipelineFixture, IAsyncLifetime
    {
        public RepairableEndpoint Receiver { get; private set; } = null!;

        async Task IAsyncLifetime.InitializeAsync()
        {
            Receiver = await RepairableEndpoint.StartAsync();
            await InitializeAsync();
        }

        async Task IAsyncLifetime.DisposeAsync()
        {
            await DisposeAsync();
            if (Receiver is not null)
            {
                await Receiver.DisposeAsync();
            }
        }

        protected override void Configure(IDictionary<string, string?> environment)
        {
            environment["Alerts__Routes__EU__1"] = Receiver.Endpoint;
            environment["Alerts__MaxAttempts"] = "2";
            environment["Alerts__BaseBackoff"] = "00:00:01";
            environment["Alerts__MaxBackoff"] = "00:00:02";
            environment["Alerts__RequestTimeout"] = "00:00:05";
        }
    }

    /// <summary>A webhook endpoint that answers 503 until <see cref="Repair"/>, then 200; it records every call.</summary>
    public sealed class RepairableEndpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<Call> _calls = new();
        private volatile bool _repaired;

        private RepairableEndpoint()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            _app = builder.Build();
            _app.MapPost("/{**path}", (HttpRequest request) =>
            {
                var status = _repaired ? 200 : 503;
                _calls.Enqueue(new Call(request.Headers["webhook-id"].ToString(), status));
                return Results.StatusCode(status);
            });
        }

        /// <summary>The route configured for EU.</summary>
        public string Endpoint { get; private set; } = null!;

        /// <summary>host:port of <see cref="Endpoint"/>.</summary>
        public string Authority { get; private set; } = null!;

        public IReadOnlyList<Call> Calls => [.. _calls];

        public static async Task<RepairableEndpoint> StartAsync()
        {
            var endpoint = new RepairableEndpoint();
            await endpoint._app.StartAsync();
            var uri = new Uri(new Uri(endpoint._app.Urls.First()), "/eu-repairable");
            endpoint.Endpoint = uri.AbsoluteUri;
            endpoint.Authority = uri.Authority;
            return endpoint;
        }

        public void Repair() => _repaired = true;

        public async ValueTask DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        public sealed record Call(string WebhookId, int Status);
    }
}
