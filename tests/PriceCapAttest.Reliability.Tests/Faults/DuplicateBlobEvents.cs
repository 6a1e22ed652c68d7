using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>At-least-once in, exactly-once effect: one blob event delivered three times at once.</summary>
public sealed class DuplicateBlobEvents(Emulator emulator) : IClassFixture<Emulator>
{
    [Fact]
    public async Task Three_Concurrent_Deliveries_Of_One_Upload_Make_One_Version_And_One_Alert_Per_Violated_Regime()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator);
        var shipper = PipelineUnderTest.NewShipper();
        const string attestationId = "ATT-DUP-1";
        var blob = await pipeline.UploadAsync(shipper, "voyage.json", Documents.Json(attestationId, price: 46.00m));
        var queuedBefore = await pipeline.QueuedAlertCountAsync();

        using var start = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await pipeline.Ingest.IngestAsync(blob, CancellationToken.None);
        })).ToArray();
        start.Set();
        var outcomes = await Task.WhenAll(runs);

        // Every delivery answers with the same recorded version.
        Assert.All(outcomes, o => Assert.Equal(ReceiptStatus.Processed, o.Receipt.Status));
        Assert.Single(outcomes.Select(o => o.Receipt.Attestations.Single().Record!.Version).Distinct());
        var pointer = await pipeline.Records.GetPointerAsync(shipper, attestationId, CancellationToken.None);
        Assert.Equal((1, 1), pointer);

        // One receipt (blob and table row) for the document.
        var receipt = await pipeline.Receipts.GetAsync(shipper, "voyage.json", CancellationToken.None);
        Assert.NotNull(receipt);
        Assert.Equal(ReceiptStatus.Processed, receipt.Status);

        // EU and GB are broken: two alert rows, two messages on violation-alerts (with the real publisher).
        var rows = await pipeline.AlertRowsAsync(shipper, attestationId);
        Assert.Equal(["EU", "GB"], rows.Select(r => r.Regime).Order());
        Assert.Equal(2, await pipeline.QueuedAlertCountAsync() - queuedBefore);
        var queued = (await pipeline.PeekAlertsAsync()).Where(m => m.Alert.ShipperId == shipper).ToList();
        Assert.Equal(["EU", "GB"], queued.Select(m => m.Alert.Regime).Order());
        Assert.All(queued, m => Assert.Equal(1, m.Attempt));
        Assert.All(rows, r => Assert.Equal(nameof(AlertDeliveryStatus.Pending), r.Status));
    }
}
