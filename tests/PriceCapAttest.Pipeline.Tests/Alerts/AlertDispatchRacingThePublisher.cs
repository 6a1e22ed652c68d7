using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// The publisher stamps <c>QueuedAt</c> on the alert row after queueing the message; a dispatcher that has read the
/// row before the stamp must still deliver (the stamp is no competing dispatcher). Found by the host-stop
/// re-screening test: 32 of 2,000 alerts were dropped as duplicates and never sent.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AlertDispatchRacingThePublisher(AzuriteFixture azurite) : IAsyncLifetime
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
        var stamp = new StampBeforeConditionalUpdate(azurite.ConnectionString);
        using var harness = AlertHarness.Create(azurite, _secret, settings, tablePolicy: stamp);
        var alert = AlertTestData.Violation();
        await harness.Publisher.PublishAsync(alert, CancellationToken.None);

        Assert.Equal([AlertDispatchOutcome.Delivered], await harness.RunQueueAsync());
        Assert.True(stamp.Stamped, "the row was stamped between the dispatcher's read and its update");
        Assert.Single(_receiver.To("stamped"));
        var delivery = Assert.Single(await harness.Reader.GetAsync(alert.ShipperId, alert.AttestationId, CancellationToken.None));
        Assert.Equal(AlertDeliveryStatus.Delivered, delivery.Status);
    }
}
