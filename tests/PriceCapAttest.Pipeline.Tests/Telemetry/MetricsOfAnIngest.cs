using System.Diagnostics.Metrics;
using PriceCapAttest.Pipeline.Telemetry;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Telemetry;

/// <summary>Issue 13 acceptance: the metrics exported during an ingest (in-memory exporter) hold the verdict counts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class MetricsOfAnIngest(AzuriteFixture azurite)
{
    private const string Invalid = "{ \"schemaVersion\": \"1.0\", \"vessel\": { \"imo\": \"123\" } }";

    [Fact]
    public async Task Counts_Each_Attestation_By_Regime_And_Verdict_And_Times_Each_Document_Once()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        using var metrics = new ExportedMetrics(harness.Get<IMeterFactory>());
        var shipper = PipelineHarness.NewShipper();

        // At 46.00 USD/bbl the crude cargo breaks the EU and GB caps; at 42.10 it is Compliant under both.
        await IngestAsync(harness, shipper, "violation.json", Documents.Json("ATT-V"));
        await IngestAsync(harness, shipper, "mixed.json", Documents.Batch(Documents.Json("ATT-C1", 42.10m), Invalid));
        await IngestAsync(harness, shipper, "compliant.csv", Documents.Csv("ATT-C2", 42.10m));

        var checkedCounts = metrics.Sums(TelemetryNames.AttestationsChecked);
        Assert.Equal(
            new Dictionary<string, long>
            {
                ["regime=EU,verdict=Violation"] = 1,
                ["regime=GB,verdict=Violation"] = 1,
                ["regime=EU,verdict=Compliant"] = 2,
                ["regime=GB,verdict=Compliant"] = 2,
                ["regime=none,verdict=Rejected"] = 1,
            },
            checkedCounts.Where(c => c.Value > 0).ToDictionary());

        var durations = metrics.HistogramCounts(TelemetryNames.IngestDuration);
        Assert.Equal(new Dictionary<string, long> { ["status=Processed"] = 3 }, durations.ToDictionary());
        Assert.Empty(metrics.Sums(TelemetryNames.IngestFailures));
    }

    [Fact]
    public async Task A_Redelivered_Document_Is_Not_Counted_Again()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        using var metrics = new ExportedMetrics(harness.Get<IMeterFactory>());
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "once.json", Documents.Json("ATT-ONCE"));

        await harness.Ingest.IngestAsync(blob, CancellationToken.None);
        var redelivery = await harness.Ingest.IngestAsync(blob, CancellationToken.None);

        Assert.True(redelivery.AlreadyProcessed);
        Assert.Equal(2, metrics.Sums(TelemetryNames.AttestationsChecked).Values.Sum());
        Assert.Equal(2, metrics.HistogramCounts(TelemetryNames.IngestDuration)["status=Processed"]);
    }

    [Fact]
    public async Task A_Poison_Message_Counts_As_Poison_And_As_A_Failed_Ingestion()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        using var metrics = new ExportedMetrics(harness.Get<IMeterFactory>());
        var shipper = PipelineHarness.NewShipper();
        var message = $$"""{ "Type": "BlobTrigger", "FunctionId": "Ingest", "ContainerName": "attestations", "BlobName": "{{shipper}}/lost.json", "ETag": "\"0x1\"" }""";

        Assert.True(await harness.Failed.RecordPoisonMessageAsync(message, CancellationToken.None));

        Assert.Equal(new Dictionary<string, long> { ["queue=webjobs-blobtrigger-poison"] = 1 }, metrics.Sums(TelemetryNames.Poison).ToDictionary());
        Assert.Equal(new Dictionary<string, long> { ["reason=gave_up"] = 1 }, metrics.Sums(TelemetryNames.IngestFailures).ToDictionary());
    }

    private static async Task IngestAsync(PipelineHarness harness, string shipper, string name, string content) =>
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, name, content), CancellationToken.None);
}
