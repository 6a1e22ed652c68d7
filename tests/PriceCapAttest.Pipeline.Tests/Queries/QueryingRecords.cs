using System.Text.Json;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Queries;

[Collection(AzuriteCollection.Name)]
public sealed class QueryingRecords(AzuriteFixture azurite)
{
    // Valid IMO numbers (check digit) unique enough per test run.
    private static readonly string[] Imos = ["9074729", "9176187", "9321483", "9398436", "9462031"];

    private static string FreshImo() => Imos[Random.Shared.Next(Imos.Length)];

    [Fact]
    public async Task An_Attestation_Answers_As_The_Check_Result_Plus_Storage_Metadata()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var outcome = await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1")), CancellationToken.None);
        harness.AlertStatus.Deliveries[(shipper, "ATT-1")] =
        [
            new AlertDelivery("x", AlertMessage.Violation, "EU", 1, null, AlertDeliveryStatus.Pending, 0, null, harness.Clock.GetUtcNow()),
        ];

        var answer = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);

        Assert.NotNull(answer);
        Assert.Equal(Verdict.Violation, answer.Verdict);
        Assert.Equal(shipper, answer.ShipperId);
        Assert.Equal(1, answer.Version);
        Assert.Equal(outcome.Receipt.Sha256, answer.Sha256);
        Assert.Equal($"attestations/{shipper}/a.json", answer.BlobPath);
        Assert.Single(answer.Alerts);
        var eu = Assert.Single(answer.Regimes, r => r.Regime == "EU");
        Assert.Equal(44.10m, eu.CapUsdPerBbl);
        Assert.Equal(46.00m, eu.PriceUsdPerBbl);

        var json = JsonSerializer.Serialize(answer, ResultJson.Options);
        using var doc = JsonDocument.Parse(json);
        foreach (var name in new[] { "source", "index", "attestationId", "verdict", "reasons", "regimes", "flags", "errors", "scheduleVersion",
                     "shipperId", "version", "versions", "receivedAt", "blobPath", "sha256", "alerts" })
        {
            Assert.True(doc.RootElement.TryGetProperty(name, out _), name);
        }

        Assert.Equal("Violation", doc.RootElement.GetProperty("verdict").GetString());
        Assert.Contains("\"capUsdPerBbl\": 44.10", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unknown_Attestation_Is_Null()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        Assert.Null(await harness.Queries.GetAttestationAsync(PipelineHarness.NewShipper(), "nope", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_Vessel_Lists_Its_Current_Attestations_By_Loading_Date_In_Pages()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var imo = FreshImo();
        string[] dates = ["2026-03-02", "2026-03-05", "2026-03-09", "2026-04-01"];
        for (var i = 0; i < dates.Length; i++)
        {
            await harness.Ingest.IngestAsync(
                await harness.UploadAsync(shipper, $"v{i}.json", Documents.Json($"ATT-{i}", 42.10m, imo, dates[i])), CancellationToken.None);
        }

        var all = new List<VesselAttestation>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await harness.Queries.ListVesselAttestationsAsync(imo, "2026-03-01", "2026-03-31", token, 1, CancellationToken.None);
            all.AddRange(page.Items.Where(v => v.ShipperId == shipper));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null && pages < 100);

        Assert.Equal(["ATT-0", "ATT-1", "ATT-2"], all.Select(v => v.AttestationId));
        Assert.All(all, v => Assert.Equal(imo, v.Imo));
        Assert.Equal(new DateOnly(2026, 3, 5), all[1].LoadingDate);
    }

    [Fact]
    public async Task An_Amendment_Moves_The_Vessel_Index_Entry()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1", 46m, "9074729", "2026-03-02")), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "b.json", Documents.Json("ATT-1", 46m, "9176187", "2026-03-03")), CancellationToken.None);

        var old = await harness.Queries.ListVesselAttestationsAsync("9074729", "2026-03-02", "2026-03-02", null, 1000, CancellationToken.None);
        var moved = await harness.Queries.ListVesselAttestationsAsync("IMO 9176187", "2026-03-03", "2026-03-03", null, 1000, CancellationToken.None);
        Assert.DoesNotContain(old.Items, v => v.ShipperId == shipper);
        var entry = Assert.Single(moved.Items, v => v.ShipperId == shipper);
        Assert.Equal(2, entry.Version);
    }

    [Fact]
    public async Task Bad_Input_Is_An_Invalid_Query_Naming_The_Field()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var imo = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Queries.ListVesselAttestationsAsync("9074728", null, null, null, null, CancellationToken.None));
        Assert.Equal("imo", imo.Field);
        var date = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Queries.ListVesselAttestationsAsync("9074729", "02/03/2026", null, null, null, CancellationToken.None));
        Assert.Equal("from", date.Field);
        var regime = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Queries.ListViolationsAsync("XX", null, null, null, CancellationToken.None));
        Assert.Equal("regime", regime.Field);
        var token = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Queries.ListViolationsAsync("EU", null, null, "garbage!", CancellationToken.None));
        Assert.Equal("continuationToken", token.Field);
        var path = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Queries.GetReceiptAsync("no-shipper", CancellationToken.None));
        Assert.Equal("blobPath", path.Field);
        var asOf = await Assert.ThrowsAsync<InvalidQueryException>(() => harness.Schedule.GetScheduleAsync("tomorrow", CancellationToken.None));
        Assert.Equal("asOf", asOf.Field);
    }

    [Fact]
    public void Violations_Csv_Neutralises_Formulas()
    {
        var violation = new ViolationAnswer("EU", new DateOnly(2026, 3, 2), "=cmd|' /C calc'!A0", "+ATT", 1, "9074729", "-SUM(1,2)",
            44.10m, 46.00m, "EU-CRUDE-2026-02-01", ["PriceAboveCap"], "v1", new DateTimeOffset(2026, 3, 3, 0, 0, 0, TimeSpan.Zero),
            "attestations/@x/a.json", "ab");
        var csv = ViolationCsvWriter.ToCsv([violation]);
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(',', ViolationCsvWriter.Columns), lines[0]);
        Assert.Contains("'=cmd|' /C calc'!A0", lines[1], StringComparison.Ordinal);
        Assert.Contains(",'+ATT,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'-SUM(1,2)\"", lines[1], StringComparison.Ordinal);
        Assert.Contains(",44.10,46.00,", lines[1], StringComparison.Ordinal);
        Assert.Equal("'@x", ViolationCsvWriter.Cell("@x"));
        Assert.Equal("plain", ViolationCsvWriter.Cell("plain"));
    }
}
