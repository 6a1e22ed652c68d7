using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.ScheduleSource;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.ScheduleSource;

[Collection(AzuriteCollection.Name)]
public sealed class ScheduleBlobSource(AzuriteFixture azurite)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    private static string ScheduleWithVersion(string version)
    {
        var json = JsonNode.Parse(CapScheduleLoader.DefaultJson())!;
        json["version"] = version;
        return json.ToJsonString();
    }

    private static BlobClient ScheduleBlob(PipelineHarness harness) =>
        harness.Blobs.GetBlobContainerClient(harness.ScheduleContainer).GetBlobClient("cap-schedule.json");

    [Fact]
    public async Task Without_A_Blob_The_Embedded_Schedule_Is_In_Force()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var provider = harness.Get<ICapScheduleProvider>();

        var checker = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Equal(CapScheduleLoader.LoadDefault().Version, checker.Schedule.Version);
        Assert.Equal(ScheduleSources.Embedded, provider.Status.Source);
    }

    [Fact]
    public async Task A_Changed_Blob_Is_Picked_Up_After_The_Interval_Without_Restart()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var provider = harness.Get<ICapScheduleProvider>();
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(ScheduleWithVersion("test-1")), overwrite: true);
        Assert.Equal("test-1", (await provider.GetCurrentAsync(CancellationToken.None)).Schedule.Version);
        Assert.Equal(ScheduleSources.Blob, provider.Status.Source);

        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(ScheduleWithVersion("test-2")), overwrite: true);
        // Not checked again before the interval has passed.
        Assert.Equal("test-1", (await provider.GetCurrentAsync(CancellationToken.None)).Schedule.Version);

        harness.Clock.Advance(Interval);
        Assert.Equal("test-2", (await provider.GetCurrentAsync(CancellationToken.None)).Schedule.Version);
        Assert.Null(provider.Status.LastError);
    }

    [Fact]
    public async Task An_Unchanged_Blob_Is_Not_Parsed_Again()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var provider = harness.Get<ICapScheduleProvider>();
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(ScheduleWithVersion("test-1")), overwrite: true);
        var first = await provider.GetCurrentAsync(CancellationToken.None);

        harness.Clock.Advance(Interval);
        var second = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Same(first, second);
        Assert.Equal(harness.Clock.GetUtcNow(), provider.Status.LastCheckedAt);
    }

    [Fact]
    public async Task An_Invalid_Blob_Is_Refused_And_The_Last_Valid_Schedule_Stays()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var provider = harness.Get<ICapScheduleProvider>();
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(ScheduleWithVersion("good-1")), overwrite: true);
        var good = await provider.GetCurrentAsync(CancellationToken.None);

        var broken = JsonNode.Parse(ScheduleWithVersion("bad-2"))!;
        broken["periods"]![0]!["regime"] = "XX";
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(broken.ToJsonString()), overwrite: true);
        harness.Clock.Advance(Interval);
        var afterBad = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Same(good, afterBad);
        var error = provider.Status.LastError;
        Assert.NotNull(error);
        Assert.NotEmpty(error.Problems);
        Assert.Equal("good-1", provider.Status.Version);

        // The schedule answer of the API shows it too.
        var answer = await harness.Schedule.GetScheduleAsync("2026-03-02", CancellationToken.None);
        Assert.Equal("good-1", answer.ScheduleVersion);
        Assert.NotNull(answer.Status.LastError);

        // A fixed blob is taken, and the refusal is cleared.
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes(ScheduleWithVersion("good-3")), overwrite: true);
        harness.Clock.Advance(Interval);
        Assert.Equal("good-3", (await provider.GetCurrentAsync(CancellationToken.None)).Schedule.Version);
        Assert.Null(provider.Status.LastError);
    }

    [Fact]
    public async Task An_Invalid_First_Blob_Leaves_The_Embedded_Schedule_In_Force()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var provider = harness.Get<ICapScheduleProvider>();
        await ScheduleBlob(harness).UploadAsync(Documents.Bytes("{ not a schedule"), overwrite: true);

        var checker = await provider.GetCurrentAsync(CancellationToken.None);

        Assert.Equal(CapScheduleLoader.LoadDefault().Version, checker.Schedule.Version);
        Assert.Equal(ScheduleSources.Embedded, provider.Status.Source);
        Assert.NotNull(provider.Status.LastError);
    }

    [Fact]
    public async Task The_Schedule_Answer_Lists_The_Caps_In_Force()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var answer = await harness.Schedule.GetScheduleAsync("2026-03-02", CancellationToken.None);

        var eu = Assert.Single(answer.Caps, c => c.Regime == "EU" && c.Category == "crude");
        Assert.Equal(44.10m, eu.CapUsdPerBbl);
        Assert.Equal("EU-CRUDE-2026-02-01", eu.RuleId);
        Assert.NotNull(eu.Source);
        Assert.Equal(new DateOnly(2026, 3, 2), answer.AsOf);
    }
}
