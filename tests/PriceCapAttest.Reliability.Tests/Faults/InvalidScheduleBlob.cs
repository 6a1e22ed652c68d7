using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.ScheduleSource;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>A schedule blob replaced by an invalid one: the last valid schedule stays in force and the error shows.</summary>
public sealed class InvalidScheduleBlob(Emulator emulator) : IClassFixture<Emulator>
{
    [Theory]
    [InlineData("not json at all {")]
    [InlineData("{ \"version\": \"broken\", \"regimes\": 42 }")]
    [InlineData("")]
    public async Task The_Last_Valid_Schedule_Stays_In_Force_And_The_Refusal_Is_Reported(string invalid)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var container = "config" + Guid.NewGuid().ToString("N")[..10];
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator,
            new Dictionary<string, string?> { ["Schedule:BlobContainer"] = container, ["Schedule:RefreshInterval"] = "00:00:30" }, clock);
        var blob = pipeline.Blobs.GetBlobContainerClient(container).GetBlobClient(StorageNames.Blobs.CapSchedule);
        await pipeline.Blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync();
        var valid = JsonNode.Parse(CapScheduleLoader.DefaultJson())!;
        valid["version"] = "reliability-1";
        await blob.UploadAsync(BinaryData.FromString(valid.ToJsonString()), overwrite: true);

        var shipper = PipelineUnderTest.NewShipper();
        var first = await pipeline.Ingest.IngestAsync(await pipeline.UploadAsync(shipper, "a.json", Documents.Json("ATT-S-1")), CancellationToken.None);
        Assert.Equal("reliability-1", first.Receipt.ScheduleVersion);

        await blob.UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(invalid)), overwrite: true);
        clock.Advance(TimeSpan.FromSeconds(31));
        var second = await pipeline.Ingest.IngestAsync(await pipeline.UploadAsync(shipper, "b.json", Documents.Json("ATT-S-2")), CancellationToken.None);

        // Still checked, against the schedule in force.
        Assert.Equal(ReceiptStatus.Processed, second.Receipt.Status);
        Assert.Equal("reliability-1", second.Receipt.ScheduleVersion);

        // Reported: ScheduleStatus.LastError and the /api/schedule answer.
        var status = pipeline.Schedule.Status;
        Assert.Equal("reliability-1", status.Version);
        Assert.Equal(ScheduleSources.Blob, status.Source);
        Assert.NotNull(status.LastError);
        Assert.NotEmpty(status.LastError.Problems);
        Assert.All(status.LastError.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p)));

        var answer = await pipeline.ScheduleQueries.GetScheduleAsync((string?)null, CancellationToken.None);
        using var json = JsonDocument.Parse(JsonSerializer.Serialize(answer, PriceCapAttest.Domain.Results.ResultJson.Options));
        Assert.Equal("reliability-1", json.RootElement.GetProperty("scheduleVersion").GetString());
        var lastError = json.RootElement.GetProperty("status").GetProperty("lastError");
        Assert.Equal(status.LastError.Problems, lastError.GetProperty("problems").EnumerateArray().Select(p => p.GetString()));

        // A valid schedule afterwards is taken up and clears the error.
        valid["version"] = "reliability-2";
        await blob.UploadAsync(BinaryData.FromString(valid.ToJsonString()), overwrite: true);
        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal("reliability-2", (await pipeline.Schedule.GetCurrentAsync(CancellationToken.None)).Schedule.Version);
        Assert.Null(pipeline.Schedule.Status.LastError);
    }
}
