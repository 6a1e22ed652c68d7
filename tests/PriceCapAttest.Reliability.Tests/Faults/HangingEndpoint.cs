using System.Diagnostics;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Alerts;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>A regulator endpoint that hangs: each request bounded by the timeout, retried, and no other alert waits.</summary>
public sealed class HangingEndpoint(Emulator emulator) : IClassFixture<Emulator>, IAsyncLifetime
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);

    private readonly string _secret = PipelineUnderTest.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task A_Hanging_Endpoint_Is_Timed_Out_And_Retried_While_Another_Regimes_Alert_Is_Delivered()
    {
        // EU's endpoint hangs for its first two requests (far beyond the request timeout), then answers.
        var eu = _receiver.Inbox("eu-hangs", async (call, aborted) =>
        {
            if (call <= 2)
                await Task.Delay(TimeSpan.FromMinutes(5), aborted);
            return 200;
        });
        var gb = _receiver.Inbox("gb", _ => 200);
        var settings = PipelineUnderTest.AlertSettings(new Dictionary<string, string> { ["EU"] = eu, ["GB"] = gb });
        settings["Alerts:RequestTimeout"] = RequestTimeout.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator, settings, secret: _secret);
        var shipper = PipelineUnderTest.NewShipper();
        const string attestationId = "ATT-HANG-1";
        await pipeline.Ingest.IngestAsync(
            await pipeline.UploadAsync(shipper, "voyage.json", Documents.Json(attestationId, price: 46.00m)), CancellationToken.None);

        // Two consumers, as the host takes a batch of messages at once.
        var clock = Stopwatch.StartNew();
        var outcomes = await pipeline.RunAlertQueueAsync(consumers: 2, timeout: TimeSpan.FromSeconds(60));
        clock.Stop();

        // GB went through while EU's first request still hung (measured from that request, not from the start, so
        // a slow start of both consumers on a busy machine does not count as waiting).
        var gbCall = Assert.Single(_receiver.To("gb"));
        var euCalls = _receiver.To("eu-hangs");
        Assert.Equal(3, euCalls.Count);
        var firstEu = euCalls.MinBy(c => c.ReceivedAt)!;
        Assert.True(gbCall.ReceivedAt < firstEu.ReceivedAt + RequestTimeout,
            $"GB arrived {gbCall.ReceivedAt - firstEu.ReceivedAt} after EU's first request, which hangs until the {RequestTimeout} timeout");

        // EU: two timed-out rounds, then delivered in the third; the whole run bounded by the timeouts.
        Assert.Single(euCalls.Select(c => c.WebhookId).Distinct());
        Assert.Equal([AlertDispatchOutcome.Delivered, AlertDispatchOutcome.Delivered, AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.RetryScheduled],
            outcomes.OrderBy(o => o));
        Assert.True(clock.Elapsed < RequestTimeout * 2 + TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");

        var deliveries = await pipeline.AlertStatus.GetAsync(shipper, attestationId, CancellationToken.None);
        var euDelivery = Assert.Single(deliveries, d => d.Regime == "EU");
        Assert.Equal(AlertDeliveryStatus.Delivered, euDelivery.Status);
        Assert.Equal(3, euDelivery.Attempts);
        Assert.Equal(AlertDeliveryStatus.Delivered, Assert.Single(deliveries, d => d.Regime == "GB").Status);
    }
}
