using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>Publishing and delivering alerts on Azurite to a real HTTP receiver on 127.0.0.1.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertDeliveryAcceptance(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _secret = AlertTestData.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    private static Dictionary<string, string?> Settings(params string[] euRoutes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:MaxAttempts"] = "5",
            ["Alerts:BaseBackoff"] = "00:00:00.010",
            ["Alerts:MaxBackoff"] = "00:00:00.050",
            ["Alerts:RequestTimeout"] = "00:00:05",
        };
        for (var i = 0; i < euRoutes.Length; i++)
            settings[$"Alerts:Routes:EU:{i}"] = euRoutes[i];
        return settings;
    }

    [Fact]
    public async Task A_Receiver_Failing_Three_Times_Gets_The_Alert_Once_Delivered_After_Four_Attempts()
    {
        var url = _receiver.Inbox("flaky", call => call <= 3 ? 500 : 200);
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var harness = AlertHarness.Create(azurite, _secret, Settings(url), time);
        var alert = AlertTestData.Violation();

        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        var outcomes = await harness.RunQueueAsync();

        Assert.Equal(
            [AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.Delivered],
            outcomes);
        var received = _receiver.To("flaky");
        Assert.Equal([500, 500, 500, 200], received.Select(r => r.AnsweredStatus));
        Assert.Single(received, r => r.AnsweredStatus == 200);
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.Single(received.Select(r => r.WebhookId).Distinct());
        Assert.Equal(EndpointIdentity.WebhookId(alert.AlertId, new Uri(url)), received[0].WebhookId);
        Assert.Single(received.Select(r => r.Body).Distinct());
        Assert.StartsWith("application/cloudevents+json", received[0].ContentType, StringComparison.Ordinal);
        using (var body = JsonDocument.Parse(received[0].Body))
            Assert.Equal(alert.AlertId, body.RootElement.GetProperty("id").GetString());

        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(4, delivery.Attempts);
        Assert.Null(delivery.LastError);
        Assert.Equal(EndpointIdentity.Display(new Uri(url)), delivery.Endpoint);
        Assert.Equal(time.GetUtcNow(), delivery.UpdatedAt);
        Assert.Empty(await harness.PoisonBodiesAsync());
    }

    [Fact]
    public async Task A_Receiver_That_Always_Fails_Leaves_The_Alert_Failed_In_The_Poison_Queue()
    {
        var url = _receiver.Inbox("down", _ => 503);
        var settings = Settings(url);
        settings["Alerts:MaxAttempts"] = "3";
        using var harness = AlertHarness.Create(azurite, _secret, settings);
        var alert = AlertTestData.Violation();

        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        var outcomes = await harness.RunQueueAsync();

        Assert.Equal([AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.RetryScheduled, AlertDispatchOutcome.Failed], outcomes);
        Assert.Equal(3, _receiver.To("down").Count);

        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Equal("HTTP 503 Service Unavailable", delivery.LastError);

        // In the poison queue, Base64-encoded as the host would leave it.
        var poisoned = Assert.Single(await harness.PoisonBodiesAsync());
        Assert.True(AlertQueueMessage.TryParse(poisoned, out var message, out _));
        Assert.Equal(alert, message.Alert);
        var raw = new QueueClient(azurite.ConnectionString, harness.Storage.PoisonQueue.Name);
        var rawBody = (await raw.PeekMessageAsync()).Value.Body.ToString();
        Assert.Equal(poisoned, Encoding.UTF8.GetString(Convert.FromBase64String(rawBody)));

        // Redelivery of a settled alert sends nothing.
        Assert.Equal(AlertDispatchOutcome.AlreadySettled, await harness.Dispatcher.DispatchAsync(poisoned, 1, CancellationToken.None));
        Assert.Equal(3, _receiver.To("down").Count);
    }

    [Fact]
    public async Task Replaying_A_Failed_Alert_Delivers_It_Once_The_Endpoint_Works()
    {
        var url = _receiver.Inbox("repaired", _ => 500);
        var settings = Settings(url);
        settings["Alerts:MaxAttempts"] = "2";
        using var harness = AlertHarness.Create(azurite, _secret, settings);
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        await harness.RunQueueAsync();

        _receiver.Answer("repaired", _ => 204);
        var replayed = await harness.Replayer.ReplayFailedAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None);
        Assert.Equal([alert.AlertId], replayed);
        Assert.Equal(AlertDeliveryStatus.Pending, (await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None))[0].Status);

        Assert.Equal([AlertDispatchOutcome.Delivered], await harness.RunQueueAsync());
        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(3, delivery.Attempts);
        Assert.Single(_receiver.To("repaired").Select(r => r.WebhookId).Distinct());
    }

    [Fact]
    public async Task Publishing_The_Same_Alert_Twice_Queues_It_Once()
    {
        var url = _receiver.Inbox("once", _ => 200);
        using var harness = AlertHarness.Create(azurite, _secret, Settings(url));
        var alert = AlertTestData.Violation();

        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);

        var queued = (await harness.Storage.Queue.PeekMessagesAsync(maxMessages: 32)).Value;
        var message = Assert.Single(queued);
        Assert.True(AlertQueueMessage.TryParse(message.Body.ToString(), out var parsed, out _));
        Assert.Equal(new AlertQueueMessage(1, alert), parsed);

        // The queue holds Base64 text, which is what the Functions and WebJobs hosts decode.
        var raw = new QueueClient(azurite.ConnectionString, harness.Storage.Queue.Name);
        var rawBody = (await raw.PeekMessageAsync()).Value.Body.ToString();
        Assert.Equal(message.Body.ToString(), Encoding.UTF8.GetString(Convert.FromBase64String(rawBody)));

        var pending = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Pending, pending.Status);
        Assert.Equal(0, pending.Attempts);

        Assert.Equal([AlertDispatchOutcome.Delivered], await harness.RunQueueAsync());
        Assert.Single(_receiver.To("once"));
    }

    [Fact]
    public async Task A_Hanging_Endpoint_Times_Out_Without_Delaying_The_Other_Endpoint()
    {
        var hanging = _receiver.Inbox("hang", async (_, aborted) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(30), aborted);
            return 200;
        });
        var healthy = _receiver.Inbox("fast", _ => 200);
        var settings = Settings(hanging, healthy);
        settings["Alerts:RequestTimeout"] = "00:00:02";
        using var harness = AlertHarness.Create(azurite, _secret, settings, TimeProvider.System);
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        var message = (await harness.Storage.Queue.ReceiveMessageAsync()).Value;

        var clock = Stopwatch.StartNew();
        var outcome = await harness.Dispatcher.DispatchAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None);
        clock.Stop();
        await harness.Storage.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);

        Assert.Equal(AlertDispatchOutcome.RetryScheduled, outcome);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"returned after {clock.Elapsed}, before the timeout");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        // Measured from the hanging request, not from the start, so a slow start on a busy machine is not waiting.
        var fast = Assert.Single(_receiver.To("fast"));
        var hung = Assert.Single(_receiver.To("hang"));
        Assert.True(fast.ReceivedAt < hung.ReceivedAt + TimeSpan.FromSeconds(2),
            $"the healthy endpoint was called {fast.ReceivedAt - hung.ReceivedAt} after the hanging one, which hangs until the 2 s timeout");

        var deliveries = await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None);
        Assert.Equal(2, deliveries.Count);
        var hangingStatus = Assert.Single(deliveries, d => d.Endpoint!.EndsWith("/hang", StringComparison.Ordinal));
        Assert.Equal(AlertDeliveryStatus.Pending, hangingStatus.Status);
        Assert.Equal("No answer within 2 s.", hangingStatus.LastError);
        Assert.Equal(AlertDeliveryStatus.Delivered, Assert.Single(deliveries, d => d.Endpoint!.EndsWith("/fast", StringComparison.Ordinal)).Status);

        // The next round goes to the hanging endpoint only.
        _receiver.Answer("hang", _ => 200);
        Assert.Equal([AlertDispatchOutcome.Delivered], await harness.RunQueueAsync());
        Assert.Single(_receiver.To("fast"));
        Assert.Equal(2, _receiver.To("hang").Count);
        Assert.Single(_receiver.Received.Select(r => r.WebhookId).Where(id => id == _receiver.To("hang")[0].WebhookId).Distinct());
    }

    [Fact]
    public async Task A_Failed_Round_Waits_For_Its_Backoff_Through_The_Visibility_Timeout()
    {
        var url = _receiver.Inbox("slowfix", call => call == 1 ? 500 : 200);
        var settings = Settings(url);
        settings["Alerts:BaseBackoff"] = "00:00:02";
        settings["Alerts:MaxBackoff"] = "00:01:00";
        using var harness = AlertHarness.Create(azurite, _secret, settings);
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        var first = (await harness.Storage.Queue.ReceiveMessageAsync()).Value;

        Assert.Equal(AlertDispatchOutcome.RetryScheduled, await harness.Dispatcher.DispatchAsync(first.Body.ToString(), first.DequeueCount, CancellationToken.None));
        await harness.Storage.Queue.DeleteMessageAsync(first.MessageId, first.PopReceipt);

        Assert.Null((await harness.Storage.Queue.ReceiveMessageAsync()).Value);
        Assert.Equal(1, (await harness.Storage.Queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        await Task.Delay(TimeSpan.FromSeconds(3));
        var second = (await harness.Storage.Queue.ReceiveMessageAsync()).Value;
        Assert.NotNull(second);
        Assert.True(AlertQueueMessage.TryParse(second.Body.ToString(), out var next, out _));
        Assert.Equal(2, next.Attempt);
        Assert.Equal(AlertDispatchOutcome.Delivered, await harness.Dispatcher.DispatchAsync(second.Body.ToString(), second.DequeueCount, CancellationToken.None));
    }

    [Fact]
    public async Task Endpoints_Are_Shown_Without_Their_Query_String()
    {
        var url = _receiver.Inbox("keyed", _ => 200) + "?code=TopSecretFunctionKey";
        using var harness = AlertHarness.Create(azurite, _secret, Settings(url));
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        await harness.RunQueueAsync();

        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
        Assert.DoesNotContain("TopSecret", delivery.Endpoint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Regime_Without_A_Route_Fails_At_Once_Into_The_Poison_Queue()
    {
        using var harness = AlertHarness.Create(azurite, _secret, Settings(_receiver.Inbox("eu", _ => 200)));
        var alert = AlertTestData.Violation(regime: "JP");
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);

        Assert.Equal([AlertDispatchOutcome.Failed], await harness.RunQueueAsync());
        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Null(delivery.Endpoint);
        Assert.Equal(AlertDeliveryStatus.Failed, delivery.Status);
        Assert.Contains("No endpoint is configured for regime JP", delivery.LastError, StringComparison.Ordinal);
        Assert.Single(await harness.PoisonBodiesAsync());
    }

    [Fact]
    public async Task A_Stale_Copy_Of_A_Round_Sends_Nothing_And_A_Host_Redelivery_Runs_It()
    {
        var url = _receiver.Inbox("dupes", _ => 500);
        using var harness = AlertHarness.Create(azurite, _secret, Settings(url));
        var alert = AlertTestData.Violation();
        var roundOne = new AlertQueueMessage(1, alert).ToJson();

        Assert.Equal(AlertDispatchOutcome.RetryScheduled, await harness.Dispatcher.DispatchAsync(roundOne, 1, CancellationToken.None));
        Assert.Equal(AlertDispatchOutcome.Duplicate, await harness.Dispatcher.DispatchAsync(roundOne, 1, CancellationToken.None));
        Assert.Single(_receiver.To("dupes"));

        // The host redelivers a round whose dispatcher died half-way (dequeueCount 2): it runs again.
        Assert.Equal(AlertDispatchOutcome.RetryScheduled, await harness.Dispatcher.DispatchAsync(roundOne, 2, CancellationToken.None));
        Assert.Equal(2, _receiver.To("dupes").Count);
    }

    [Fact]
    public async Task Resolved_Events_Are_Delivered_With_Their_Own_Type()
    {
        var url = _receiver.Inbox("resolved", _ => 200);
        using var harness = AlertHarness.Create(azurite, _secret, Settings(url));
        var alert = AlertTestData.Violation(version: 2, eventType: AlertMessage.Resolved);
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);
        await harness.RunQueueAsync();

        using var body = JsonDocument.Parse(Assert.Single(_receiver.To("resolved")).Body);
        Assert.Equal("org.pricecapattest.resolved", body.RootElement.GetProperty("type").GetString());
        Assert.Equal(2, body.RootElement.GetProperty("data").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_Unreadable_Message_Goes_To_The_Poison_Queue()
    {
        using var harness = AlertHarness.Create(azurite, _secret, Settings(_receiver.Inbox("never", _ => 200)));
        Assert.Equal(AlertDispatchOutcome.Unreadable, await harness.Dispatcher.DispatchAsync("{\"hello\":1}", 1, CancellationToken.None));
        Assert.Equal(["{\"hello\":1}"], await harness.PoisonBodiesAsync());
    }
}
