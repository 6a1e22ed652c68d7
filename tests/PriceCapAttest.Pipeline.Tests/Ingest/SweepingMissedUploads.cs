using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class SweepingMissedUploads(AzuriteFixture azurite)
{
    [Fact]
    public async Task TheSweepIngestsUploadsTheTriggerMissedAndOnlyThose()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var sweep = harness.Get<MissedUploadSweep>();
        var done = await harness.UploadAsync(shipper, "done.json", Documents.Json("ATT-DONE"));
        await harness.Ingest.IngestAsync(done, CancellationToken.None);
        await harness.UploadAsync(shipper, "missed.json", Documents.Json("ATT-MISSED"));

        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MinValue, shipper + "/", CancellationToken.None)); // too recent: the trigger's
        Assert.Equal(1, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
        Assert.NotNull(await harness.Queries.GetReceiptAsync($"attestations/{shipper}/missed.json", CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
    }

    [Fact]
    public async Task AnOverwrittenDocumentIsSweptAsTheNewVersion()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var sweep = harness.Get<MissedUploadSweep>();
        var first = await harness.UploadAsync(shipper, "voyage.json", Documents.Json("ATT-1"));
        await harness.Ingest.IngestAsync(first, CancellationToken.None);
        await harness.UploadAsync(shipper, "voyage.json", Documents.Json("ATT-1", price: 42.10m));

        Assert.Equal(1, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));

        var answer = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);
        Assert.Equal(2, answer!.Version);
    }
}
