using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

[Collection(AzuriteCollection.Name)]
public sealed class IngestingDocuments(AzuriteFixture azurite)
{
    [Fact]
    public async Task Records_A_Violation_With_Indexes_Receipt_And_Alerts()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "march/voyage-1.json", Documents.Json("ATT-1"));

        var outcome = await harness.Ingest.IngestAsync(blob, CancellationToken.None);

        Assert.False(outcome.AlreadyProcessed);
        var receipt = outcome.Receipt;
        Assert.Equal(ReceiptStatus.Processed, receipt.Status);
        Assert.Equal($"attestations/{shipper}/march/voyage-1.json", receipt.BlobPath);
        Assert.Equal(64, receipt.Sha256!.Length);
        var item = Assert.Single(receipt.Attestations);
        Assert.Equal(Verdict.Violation, item.Verdict);
        Assert.Equal(new RecordKey(shipper, "ATT-1", 1), item.Record);
        Assert.True(item.Current);

        // Receipt blob next to the upload, same relative path plus .json.
        var receiptBlob = harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Receipts).GetBlobClient($"{shipper}/march/voyage-1.json.json");
        var receiptJson = (await receiptBlob.DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("\"status\": \"Processed\"", receiptJson, StringComparison.Ordinal);
        Assert.Contains(receipt.Sha256, receiptJson, StringComparison.Ordinal);

        // Version row with the full result, the money exact, the evidence.
        var partition = RecordKeys.Attestation(shipper, "ATT-1");
        var row = (await azurite.CreateTableClient(StorageNames.Tables.Attestations)
            .GetEntityAsync<TableEntity>(partition, $"v000001|{partition}")).Value;
        Assert.Equal("Violation", row.GetString("Verdict"));
        Assert.Equal("44.10", row.GetString("EUCapUsdPerBbl"));
        Assert.Equal(44_100_000L, row.GetInt64("EUCapUsdPerBblMicros"));
        Assert.Equal(46_000_000L, row.GetInt64("EUPriceUsdPerBblMicros"));
        Assert.Equal("EU-CRUDE-2026-02-01", row.GetString("EURuleId"));
        Assert.Equal(receipt.Sha256, row.GetString("Sha256"));
        Assert.Equal(receipt.BlobPath, row.GetString("BlobPath"));
        Assert.Equal(harness.Clock.GetUtcNow(), row.GetDateTimeOffset("ReceivedAt"));
        Assert.NotNull(row.GetString("ScheduleVersion"));

        // One alert per violated regime.
        var alerts = harness.Alerts.For(shipper);
        Assert.Equal(["EU", "GB"], alerts.Select(a => a.Regime).Order());
        Assert.All(alerts, a => Assert.Equal(AlertMessage.Violation, a.EventType));
        Assert.All(alerts, a => Assert.Equal(1, a.Version));

        // Violations index, one row per violated regime.
        var violations = await harness.Queries.ListViolationsAsync("EU", "2026-03-02", "2026-03-02", null, CancellationToken.None, 1000);
        var violation = Assert.Single(violations.Items, v => v.ShipperId == shipper);
        Assert.Equal(44.10m, violation.CapUsdPerBbl);
        Assert.Equal(46.00m, violation.PriceUsdPerBbl);
    }

    [Fact]
    public async Task Records_A_Csv_Document_Like_Its_Json_Twin_With_A_Vessel_Index_Entry()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var imo = "9176187";
        var csv = await harness.UploadAsync(shipper, "q1/voyages.csv", Documents.Csv("ATT-CSV-1", imo: imo, loadingDate: "2026-03-05"));
        var json = await harness.UploadAsync(shipper, "q1/voyage.json", Documents.Json("ATT-JSON-1", imo: imo, loadingDate: "2026-03-05"));

        var fromCsv = Assert.Single((await harness.Ingest.IngestAsync(csv, CancellationToken.None)).Receipt.Attestations);
        var fromJson = Assert.Single((await harness.Ingest.IngestAsync(json, CancellationToken.None)).Receipt.Attestations);

        Assert.Equal(Verdict.Violation, fromCsv.Verdict);
        Assert.Equal(fromJson.Verdict, fromCsv.Verdict);
        Assert.Equal(new RecordKey(shipper, "ATT-CSV-1", 1), fromCsv.Record);
        var csvAnswer = await harness.Queries.GetAttestationAsync(shipper, "ATT-CSV-1", null, CancellationToken.None);
        var jsonAnswer = await harness.Queries.GetAttestationAsync(shipper, "ATT-JSON-1", null, CancellationToken.None);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(jsonAnswer!.Regimes), System.Text.Json.JsonSerializer.Serialize(csvAnswer!.Regimes));
        Assert.Equal(jsonAnswer.Flags, csvAnswer.Flags);
        var vessel = await harness.Queries.ListVesselAttestationsAsync(imo, "2026-03-01", "2026-03-31", null, 100, CancellationToken.None);
        Assert.Equal(["ATT-CSV-1", "ATT-JSON-1"], vessel.Items.Where(v => v.ShipperId == shipper).Select(v => v.AttestationId).Order());
    }

    [Fact]
    public async Task The_Same_Blob_Twice_Gives_One_Version_And_One_Alert()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1"));

        var first = await harness.Ingest.IngestAsync(blob, CancellationToken.None);
        var second = await harness.Ingest.IngestAsync(blob, CancellationToken.None);

        Assert.False(first.AlreadyProcessed);
        Assert.True(second.AlreadyProcessed);
        Assert.Equal(first.Receipt, second.Receipt with { Attestations = first.Receipt.Attestations });
        Assert.Equal(2, harness.Alerts.For(shipper).Count); // EU and GB, once each
        var answer = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);
        Assert.Equal(1, answer!.Versions);
    }

    [Fact]
    public async Task The_Same_Content_Uploaded_Again_Is_Not_A_Second_Version()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var document = Documents.Json("ATT-1");
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", document), CancellationToken.None);
        // A new ETag (re-upload of the same bytes): a new ingestion, but the same content.
        var again = await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", document), CancellationToken.None);

        Assert.False(again.AlreadyProcessed);
        Assert.Equal(1, again.Receipt.Attestations[0].Record!.Version);
        Assert.Equal(2, harness.Alerts.For(shipper).Count);
    }

    [Fact]
    public async Task Three_Concurrent_Deliveries_Give_One_Version_And_One_Alert_Per_Regime()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1"));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => harness.Ingest.IngestAsync(blob, CancellationToken.None))));

        Assert.All(outcomes, o => Assert.Equal(1, o.Receipt.Attestations[0].Record!.Version));
        var distinct = harness.Alerts.Distinct.Where(a => a.ShipperId == shipper).ToList();
        Assert.Equal(["EU", "GB"], distinct.Select(a => a.Regime).Order());
        var answer = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);
        Assert.Equal(1, answer!.Versions);
        Assert.Null(await harness.Queries.GetAttestationAsync(shipper, "ATT-1", 2, CancellationToken.None));
    }

    [Fact]
    public async Task An_Amendment_Is_Version_Two_And_Resolves_The_Violations()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "a.json", Documents.Json("ATT-1", 46.00m)), CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));

        var amended = await harness.Ingest.IngestAsync(
            await harness.UploadAsync(shipper, "a-amended.json", Documents.Json("ATT-1", 42.10m)), CancellationToken.None);

        var item = Assert.Single(amended.Receipt.Attestations);
        Assert.Equal(Verdict.Compliant, item.Verdict);
        Assert.Equal(2, item.Record!.Version);
        var alerts = harness.Alerts.For(shipper);
        var resolved = alerts.Where(a => a.EventType == AlertMessage.Resolved).ToList();
        Assert.Equal(["EU", "GB"], resolved.Select(a => a.Regime).Order());
        Assert.All(resolved, a => Assert.Equal(2, a.Version));
        Assert.Equal(4, alerts.Select(a => a.AlertId).Distinct().Count());

        var current = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);
        Assert.Equal(2, current!.Version);
        Assert.Equal(2, current.Versions);
        Assert.Equal(Verdict.Compliant, current.Verdict);
        var first = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", 1, CancellationToken.None);
        Assert.Equal(Verdict.Violation, first!.Verdict);
    }

    [Fact]
    public async Task A_Batch_Records_Each_Attestation_And_Receipts_The_Invalid_Ones()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var invalid = "{ \"schemaVersion\": \"1.0\", \"vessel\": { \"imo\": \"123\" } }";
        var outcome = await harness.Ingest.IngestAsync(
            await harness.UploadAsync(shipper, "batch.json", Documents.Batch(Documents.Json("ATT-1"), invalid, Documents.Json("ATT-3", 42.10m))),
            CancellationToken.None);

        Assert.Equal(ReceiptStatus.Processed, outcome.Receipt.Status);
        Assert.Equal([0, 1, 2], outcome.Receipt.Attestations.Select(a => a.Index));
        Assert.NotNull(outcome.Receipt.Attestations[0].Record);
        Assert.Null(outcome.Receipt.Attestations[1].Record);
        Assert.Equal(Verdict.Rejected, outcome.Receipt.Attestations[1].Verdict);
        Assert.NotEmpty(outcome.Receipt.Attestations[1].Errors);
        Assert.Equal(Verdict.Compliant, outcome.Receipt.Attestations[2].Verdict);
    }

    [Fact]
    public async Task An_Unparseable_File_Gets_A_Rejected_Receipt()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var outcome = await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "broken.json", "{ not json"), CancellationToken.None);

        Assert.Equal(ReceiptStatus.Rejected, outcome.Receipt.Status);
        var item = Assert.Single(outcome.Receipt.Attestations);
        Assert.Null(item.AttestationId);
        Assert.Equal(Verdict.Rejected, item.Verdict);
        Assert.Contains(item.Errors, e => e.Code == ErrorCodes.InvalidJson);
        Assert.Empty(harness.Alerts.For(shipper));
        var stored = await harness.Queries.GetReceiptAsync($"attestations/{shipper}/broken.json", CancellationToken.None);
        Assert.Equal(ReceiptStatus.Rejected, stored!.Status);
    }

    [Fact]
    public async Task A_Too_Large_File_Is_Rejected_Without_Reading_It_And_Kept_Unchanged()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite, new Dictionary<string, string?> { ["Ingest:MaxDocumentBytes"] = "100" });
        var shipper = PipelineHarness.NewShipper();
        var document = Documents.Json("ATT-1");
        var blob = await harness.UploadAsync(shipper, "big.json", document);
        var before = (await blob.GetPropertiesAsync()).Value;

        var outcome = await harness.Ingest.IngestAsync(blob, CancellationToken.None);

        Assert.Equal(ReceiptStatus.Rejected, outcome.Receipt.Status);
        Assert.Equal(ErrorCodes.FileTooLarge, Assert.Single(Assert.Single(outcome.Receipt.Attestations).Errors).Code);
        Assert.Null(outcome.Receipt.Sha256);
        var after = (await blob.GetPropertiesAsync()).Value;
        Assert.Equal(before.ETag, after.ETag);
        Assert.Equal(document, (await blob.DownloadContentAsync()).Value.Content.ToString());
    }

    [Fact]
    public async Task An_Unsupported_File_Type_Is_Rejected()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var outcome = await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "notes.txt", "hello"), CancellationToken.None);
        Assert.Equal(ReceiptStatus.Rejected, outcome.Receipt.Status);
        Assert.Equal(ErrorCodes.UnsupportedFileType, Assert.Single(Assert.Single(outcome.Receipt.Attestations).Errors).Code);
    }

    [Fact]
    public async Task A_Poison_Message_Leads_To_A_Failed_Receipt()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "stuck.json", Documents.Json("ATT-1"));
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();
        var message = $$"""
            {"Type":"BlobTrigger","FunctionId":"Host.Functions.IngestAttestation","BlobType":"BlockBlob",
             "ContainerName":"attestations","BlobName":"{{shipper}}/stuck.json","ETag":"\"{{etag.Trim('"')}}\""}
            """;

        Assert.True(await harness.Failed.RecordPoisonMessageAsync(message, CancellationToken.None));

        var receipt = await harness.Queries.GetReceiptAsync($"{shipper}/stuck.json", CancellationToken.None);
        Assert.Equal(ReceiptStatus.Failed, receipt!.Status);
        Assert.NotNull(receipt.Error);
        var blobReceipt = harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Receipts).GetBlobClient($"{shipper}/stuck.json.json");
        Assert.Contains("\"status\": \"Failed\"", (await blobReceipt.DownloadContentAsync()).Value.Content.ToString(), StringComparison.Ordinal);
        // The upload itself is untouched.
        Assert.Equal(etag, (await blob.GetPropertiesAsync()).Value.ETag.ToString());
    }

    [Fact]
    public async Task A_Poison_Message_Does_Not_Overwrite_A_Completed_Ingestion()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var blob = await harness.UploadAsync(shipper, "done.json", Documents.Json("ATT-1"));
        await harness.Ingest.IngestAsync(blob, CancellationToken.None);
        var etag = (await blob.GetPropertiesAsync()).Value.ETag.ToString();

        Assert.False(await harness.Failed.RecordAsync($"attestations/{shipper}/done.json", "late poison", CancellationToken.None, etag));
        Assert.Equal(ReceiptStatus.Processed, (await harness.Queries.GetReceiptAsync($"{shipper}/done.json", CancellationToken.None))!.Status);
    }
}
