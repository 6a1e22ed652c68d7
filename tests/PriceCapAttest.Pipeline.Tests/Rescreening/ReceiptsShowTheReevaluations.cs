using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Rescreening;

/// <summary>
/// The receipts route answers the ingest-time receipt plus every later evaluation of the attestations the document
/// recorded (verdict before and after, schedule version, cause and run); the stored receipt is not rewritten.
/// </summary>
public sealed class ReceiptsShowTheReevaluations
{
    private const string AfterReview = "2026-08-10";

    [Fact]
    public async Task Each_rescreen_that_changed_an_attestation_of_the_document_is_listed_with_its_receipt()
    {
        await using var store = await PrivateStore.StartAsync();
        var harness = store.Harness;
        var coordinator = harness.Get<RescreenCoordinator>();
        await coordinator.StepAsync(CancellationToken.None);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "voyages.json", Documents.Batch(
            Voyage("ATT-1", 48.00m), Voyage("ATT-2", 46.00m))), CancellationToken.None);
        var blobPath = $"attestations/{shipper}/voyages.json";
        var atIngest = await harness.Queries.GetReceiptAsync(blobPath, CancellationToken.None);
        Assert.Empty(atIngest!.Reevaluations!);

        var first = await PublishAndStepAsync(harness, Schedules.Corrected(47.00m, "corrected-47"));
        var second = await PublishAndStepAsync(harness, Schedules.Corrected(49.00m, "corrected-49"));

        var receipt = await harness.Queries.GetReceiptAsync(blobPath, CancellationToken.None);
        Assert.Equal(Json(atIngest), Json(receipt!));
        Assert.Equal(
        [
            $"ATT-1 v1.2 NeedsReview->Violation 2026-12-01.1->corrected-47 rescreen {first!.Id}",
            $"ATT-1 v1.3 Violation->Compliant corrected-47->corrected-49 rescreen {second!.Id}",
            $"ATT-2 v1.2 NeedsReview->Compliant 2026-12-01.1->corrected-47 rescreen {first.Id}",
            $"ATT-2 v1.3 Compliant->Compliant corrected-47->corrected-49 rescreen {second.Id}", // same verdict, another cap
        ], receipt!.Reevaluations!.Select(r =>
            $"{r.AttestationId} v{r.Version}.{r.Evaluation} {r.From}->{r.To} {r.FromScheduleVersion}->{r.ScheduleVersion} {r.Cause} {r.RescreenRunId}"));
        Assert.All(receipt.Reevaluations!, r => Assert.NotNull(r.EvaluatedAt));

        // The receipt as stored (blob and row) is the ingest-time snapshot.
        var stored = await harness.Get<ReceiptStore>().GetAsync(shipper, "voyages.json", CancellationToken.None);
        Assert.Null(stored!.Reevaluations);
        Assert.Equal([Verdict.NeedsReview, Verdict.NeedsReview], stored.Attestations.Select(a => a.Verdict));
    }

    [Fact]
    public async Task Recording_the_same_reevaluation_again_keeps_one_entry()
    {
        await using var store = await PrivateStore.StartAsync();
        var harness = store.Harness;
        await harness.Get<RescreenCoordinator>().StepAsync(CancellationToken.None);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "one.json", Voyage("ATT-1", 48.00m)), CancellationToken.None);
        await PublishAndStepAsync(harness, Schedules.Corrected(47.00m, "corrected-47"));
        var current = await harness.Get<EvaluationStore>().GetCurrentEntryAsync(shipper, "ATT-1", CancellationToken.None);
        var change = RescreenChanges.Between(current!.Version, current.Version.Result with { Verdict = Verdict.NeedsReview }, current.Version.Result);

        await harness.Get<ReceiptReevaluationStore>().RecordAsync(current.Version, change, CancellationToken.None); // a resumed run

        var receipt = await harness.Queries.GetReceiptAsync($"{shipper}/one.json", CancellationToken.None);
        var only = Assert.Single(receipt!.Reevaluations!);
        Assert.Equal((2, Verdict.NeedsReview, Verdict.Violation), (only.Evaluation, only.From, only.To));
    }

    private static string Json(Receipt receipt) =>
        System.Text.Json.JsonSerializer.Serialize(receipt with { Reevaluations = null }, ResultJson.Options);

    private static string Voyage(string attestationId, decimal price) =>
        Documents.Json(attestationId, price, loadingDate: AfterReview)
            .Replace("\"dischargeDate\": \"2026-03-30\"", "\"dischargeDate\": \"2026-09-09\"", StringComparison.Ordinal);

    private static async Task<RescreenRun?> PublishAndStepAsync(PipelineHarness harness, string schedule)
    {
        await harness.Blobs.GetBlobContainerClient(harness.ScheduleContainer).GetBlobClient(StorageNames.Blobs.CapSchedule)
            .UploadAsync(Documents.Bytes(schedule), overwrite: true);
        harness.Clock.Advance(TimeSpan.FromMinutes(1)); // past the schedule refresh interval
        return await harness.Get<RescreenCoordinator>().StepAsync(CancellationToken.None);
    }
}
