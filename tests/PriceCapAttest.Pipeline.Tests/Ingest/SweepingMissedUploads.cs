using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class SweepingMissedUploads(AzuriteFixture azurite)
{
    [Fact]
    public async Task The_Sweep_Ingests_Uploads_The_Trigger_Missed_And_Only_Those()
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
    public async Task An_Overwritten_Document_Is_Swept_As_The_New_Version()
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

    [Fact]
    public async Task An_Upload_Marked_In_Progress_Is_Left_Alone_Until_The_Mark_Expires()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var sweep = harness.Get<MissedUploadSweep>();
        var blob = await harness.UploadAsync(shipper, "running.json", Documents.Json("ATT-RUNNING"));
        var lease = Lease(harness);
        await harness.Get<IngestionStore>().StartAsync(
            BlobPath(shipper, "running.json"), await ETagAsync(blob), harness.Clock.GetUtcNow(), harness.Clock.GetUtcNow() + lease, CancellationToken.None);

        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
        Assert.Null(await harness.Queries.GetReceiptAsync(BlobPath(shipper, "running.json"), CancellationToken.None));

        harness.Clock.Advance(lease + TimeSpan.FromSeconds(1)); // the ingest that set it never renewed it
        Assert.Equal(1, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
        Assert.NotNull(await harness.Queries.GetReceiptAsync(BlobPath(shipper, "running.json"), CancellationToken.None));
    }

    [Fact]
    public async Task A_Crashed_Ingest_Whose_Mark_Has_Expired_Is_Swept_And_Ingested_Once()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var sweep = harness.Get<MissedUploadSweep>();
        var blob = await harness.UploadAsync(shipper, "crashed.json", Documents.Json("ATT-CRASHED"));
        var etag = await ETagAsync(blob);
        var ingestions = harness.Get<IngestionStore>();
        var now = harness.Clock.GetUtcNow();
        await ingestions.StartAsync(BlobPath(shipper, "crashed.json"), etag, now - TimeSpan.FromMinutes(5), now - TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal(1, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));

        var answer = await harness.Queries.GetAttestationAsync(shipper, "ATT-CRASHED", null, CancellationToken.None);
        Assert.Equal(1, answer!.Version);
        Assert.Equal(2, harness.Alerts.For(shipper).Count); // EU and GB, each once
        Assert.Single(await ingestions.ListAsync(BlobPath(shipper, "crashed.json"), CancellationToken.None));
    }

    [Fact]
    public async Task An_Ingest_In_Flight_Is_Not_Swept_And_Renews_Its_Mark_While_It_Runs()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var sweep = harness.Get<MissedUploadSweep>();
        var ingestions = harness.Get<IngestionStore>();
        var blob = await harness.UploadAsync(shipper, "long.json", Documents.Json("ATT-LONG"));
        var etag = await ETagAsync(blob);
        var path = BlobPath(shipper, "long.json");
        var lease = Lease(harness);
        var started = harness.Clock.GetUtcNow();

        var reached = harness.Alerts.Hold(); // the ingest stops at its first alert, records written, no receipt yet
        var running = harness.Ingest.IngestAsync(blob, CancellationToken.None);
        await reached.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(started + lease, (await ingestions.GetAsync(path, etag, CancellationToken.None))!.InProgressUntil);
        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));

        harness.Clock.Advance(lease / 3);
        await WaitForMarkAsync(ingestions, path, etag, harness.Clock.GetUtcNow() + lease);

        harness.Clock.Advance(lease / 3 * 2 + TimeSpan.FromSeconds(1)); // past the first mark, within the renewed one
        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));

        harness.Alerts.Release();
        var outcome = await running.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(outcome.AlreadyProcessed);
        Assert.Equal(0, await sweep.SweepAsync(DateTimeOffset.MaxValue, shipper + "/", CancellationToken.None));
        Assert.Equal(1, (await harness.Queries.GetAttestationAsync(shipper, "ATT-LONG", null, CancellationToken.None))!.Version);
    }

    private static TimeSpan Lease(PipelineHarness harness) => harness.Get<IOptions<IngestOptions>>().Value.InProgressLease;

    private static string BlobPath(string shipper, string name) => $"attestations/{shipper}/{name}";

    private static async Task<string> ETagAsync(BlobClient blob) => (await blob.GetPropertiesAsync()).Value.ETag.ToString();

    private static async Task WaitForMarkAsync(IngestionStore ingestions, string path, string etag, DateTimeOffset expected)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var mark = (await ingestions.GetAsync(path, etag, CancellationToken.None))?.InProgressUntil;
            if (mark == expected) return;
            Assert.True(DateTime.UtcNow < deadline, $"The mark was not renewed to {expected:O}; it is {mark:O}.");
            await Task.Delay(50);
        }
    }
}
