using System.Diagnostics;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Alerts;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>A regulator endpoint that hangs: each request bounded by the timeout, retried, and no other alert waits.</summary>
public sealed class HangingEndpoint(Emulator emulator) : IClassFixture<Emulator>, IAsyncLifetime
{
    private readonly string _secret = PipelineUnderTest.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_Hanging_Endpoint_Is_Timed_Out_And_Retried_While_Another_Regimes_Alert_Is_Delivered()
    {
        // EU's endpoint hangs for its first two requests (far beyond the 1 s timeout), then answers.
        var eu = _receiver.Inbox("eu-hangs", async (call, aborted) =>
        {
            if (call <= 2)
                await Task.Delay(TimeSpan.FromMinutes(5), aborted);
            return 200;
        });
        var gb = _receiver.Inbox("gb", _ => 200);
        var settings = PipelineUnderTest.AlertSettings(new Dictionary<string, string> { ["EU"] = eu, ["GB"] = gb });
        settings["Alerts:RequestTimeout"] = "00:00:01";
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator, settings, secret: _secret);
        var shipper = PipelineUnderTest.NewShipper();
        const string attestationId = "ATT-HANG-1";
        await pipeline.Ingest.IngestAsync(
            await pipeline.UploadAsync(shipper, "voyage.json", Documents.Json(attestationId, price: 46.00m)), CancellationToken.None);

        // Two consumers, as the host takes a batch of messages at once.
        var started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var outcomes = await pipeline.RunAlertQueueAsync(consumers: 2, timeout: TimeSpan.FromSeconds(60));
        clock.Stop();

        // GB went through while EU hung.
        var gbCall = Assert.Single(_receiver.To("gb"));
        Assert.True(gbCall.ReceivedAt - started < TimeSpan.FromSeconds(1), $"GB waited {gbCall.ReceivedAt - started}");

        // EU: two timed-out rounds, then delivered in the third; the whole run bounded by the timeouts.
        var euCalls = _receiver.To("eu-hangs");
        Assert.Equal(3, euCalls.Count);
        Assert.Single(euCalls.Select(c => c.WebhookId).Distinct());
        Assert.Equal([AlertDispatchOutcome.Delivered, AlertDispatchOutcome.Delivered, AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.RetryScheduled],
            outcomes.OrderBy(o => o));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        var deliveries = await pipeline.AlertStatus.GetAsync(shipper, attestationId, CancellationToken.None);
        var euDelivery = Assert.Single(deliveries, d => d.Regime == "EU");
        Assert.Equal(AlertDeliveryStatus.Delivered, euDelivery.Status);
        Assert.Equal(3, euDelivery.Attempts);
        Assert.Equal(AlertDeliveryStatus.Delivered, Assert.Single(deliveries, d => d.Regime == "GB").Status);
    }
}
