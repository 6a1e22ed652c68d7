using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// A host stopped while receiving leaves the messages it received invisible (10 minutes for the WebJobs queue
/// trigger); the next host queues those alerts again at start-up, and each is still delivered once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class UnstartedAlertsAfterAHostStop(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _secret = AlertTestData.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_Alert_Whose_Message_A_Stopped_Host_Left_Invisible_Is_Queued_Again_And_Delivered_Once()
    {
        var url = _receiver.Inbox("stranded", _ => 200);
        using var harness = AlertHarness.Create(azurite, _secret, new Dictionary<string, string?> { ["Alerts:Routes:EU:0"] = url });
        var stranded = AlertTestData.Violation(attestationId: "ATT-STRANDED");
        var delivered = AlertTestData.Violation(attestationId: "ATT-DELIVERED");
        await harness.Publisher.PublishAsync(stranded, CancellationToken.None);
        await harness.Publisher.PublishAsync(delivered, CancellationToken.None);
        var received = (await harness.Storage.Queue.ReceiveMessagesAsync(2, TimeSpan.FromMinutes(10))).Value;
        var original = Assert.Single(received, m => m.Body.ToString().Contains("ATT-DELIVERED", StringComparison.Ordinal));
        var invisible = Assert.Single(received, m => m != original);
        Assert.Equal(AlertDispatchOutcome.Delivered, await harness.Dispatcher.DispatchAsync(original.Body.ToString(), 1, CancellationToken.None));
        await harness.Storage.Queue.DeleteMessageAsync(original.MessageId, original.PopReceipt);

        // The host restarts with the other message still invisible.
        var restart = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.Equal(1, await harness.Requeuer.RequeueAsync(restart, CancellationToken.None));
        var copy = (await harness.Storage.Queue.ReceiveMessageAsync()).Value;
        Assert.NotNull(copy);
        Assert.Equal(AlertDispatchOutcome.Delivered, await harness.Dispatcher.DispatchAsync(copy.Body.ToString(), copy.DequeueCount, CancellationToken.None));
        Assert.Equal(0, await harness.Requeuer.RequeueAsync(restart, CancellationToken.None));

        // Ten minutes later the invisible original comes back (dequeued before): nothing is sent twice.
        Assert.Equal(AlertDispatchOutcome.AlreadySettled, await harness.Dispatcher.DispatchAsync(invisible.Body.ToString(), 2, CancellationToken.None));
        Assert.Equal(["ATT-DELIVERED", "ATT-STRANDED"], _receiver.To("stranded").Select(r => AttestationOf(r.Body)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_Start_Up_Sweep_Both_Hosts_Run_Queues_An_Unstarted_Alert_Again_Once()
    {
        var url = _receiver.Inbox("swept", _ => 200);
        using var harness = AlertHarness.Create(azurite, _secret, new Dictionary<string, string?> { ["Alerts:Routes:EU:0"] = url });
        await harness.Publisher.PublishAsync(AlertTestData.Violation(attestationId: "ATT-SWEPT"), CancellationToken.None);
        var invisible = (await harness.Storage.Queue.ReceiveMessageAsync(TimeSpan.FromMinutes(10))).Value;
        Assert.NotNull(invisible);

        // The host starts a minute later; its sweep runs once, in the background.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        using var sweep = new UnstartedAlertSweep(harness.Requeuer, clock, Microsoft.Extensions.Logging.Abstractions.NullLogger<UnstartedAlertSweep>.Instance);
        await sweep.StartAsync(CancellationToken.None);
        await sweep.ExecuteTask!;

        var copy = (await harness.Storage.Queue.ReceiveMessageAsync()).Value;
        Assert.NotNull(copy);
        Assert.Equal(AlertDispatchOutcome.Delivered, await harness.Dispatcher.DispatchAsync(copy.Body.ToString(), copy.DequeueCount, CancellationToken.None));
        Assert.Equal(["ATT-SWEPT"], _receiver.To("swept").Select(r => AttestationOf(r.Body)));
    }

    private static string AttestationOf(string body) =>
        System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("attestationId").GetString()!;
}
