using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// Writers coming between a dispatcher's read of the alert row and its start of a round. The publisher stamps
/// <c>QueuedAt</c> after queueing: the dispatcher must still deliver (found by the host-stop re-screening test, where
/// 32 of 2,000 alerts were dropped as duplicates and never sent). Another dispatcher starting the same round (the host
/// redelivering a message): this one must leave the round to it.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertDispatchRacingOtherWriters(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly string _secret = AlertTestData.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_Alert_Row_Stamped_While_Its_First_Round_Starts_Is_Still_Delivered_Once()
    {
        var url = _receiver.Inbox("stamped", _ => 200);
        var settings = new Dictionary<string, string?> { ["Alerts:Routes:EU:0"] = url };
        var stamp = new MergeBeforeConditionalUpdate(azurite.ConnectionString, new Dictionary<string, object> { ["QueuedAt"] = DateTimeOffset.UtcNow });
        using var harness = AlertHarness.Create(azurite, _secret, settings, tablePolicy: stamp);
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);

        Assert.Equal([AlertDispatchOutcome.Delivered], await harness.RunQueueAsync());
        Assert.True(stamp.Merged, "the row was stamped between the dispatcher's read and its update");
        Assert.Single(_receiver.To("stamped"));
        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
    }

    [Fact]
    public async Task A_Redelivered_Round_Started_Meanwhile_By_Another_Dispatcher_Is_Left_To_It()
    {
        var url = _receiver.Inbox("claimed", _ => 200);
        var settings = new Dictionary<string, string?> { ["Alerts:Routes:EU:0"] = url };
        var other = new MergeBeforeConditionalUpdate(azurite.ConnectionString, new Dictionary<string, object>
        {
            ["RoundClaim"] = "another-dispatcher",
            ["UpdatedAt"] = DateTimeOffset.UtcNow,
        });
        using var harness = AlertHarness.Create(azurite, _secret, settings, tablePolicy: other);
        var alert = AlertTestData.Violation();
        await harness.Storage.EnsureCreatedAsync(CancellationToken.None);
        var row = AlertEntity.ForAlert(alert, DateTimeOffset.UtcNow);
        row.Attempts = 1; // round 1 was started by a dispatcher that died half-way: the host redelivers it
        await harness.Storage.Table.AddEntityAsync(row);

        var outcome = await harness.Dispatcher.DispatchAsync(new AlertQueueMessage(1, alert).ToJson(), 2, CancellationToken.None);

        Assert.True(other.Merged, "another dispatcher started the round between this one's read and its write");
        Assert.Equal(AlertDispatchOutcome.Duplicate, outcome);
        Assert.Empty(_receiver.To("claimed"));
    }
}
