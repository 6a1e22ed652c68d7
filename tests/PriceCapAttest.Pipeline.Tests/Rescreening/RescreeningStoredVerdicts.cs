using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Rescreening;

/// <summary>
/// Stored attestations under an unconfirmed cap; a corrected schedule is published; the affected verdicts change
/// with their history, the others are not touched, alerts go out once, and the dry run said so before.
/// </summary>
public sealed class RescreeningStoredVerdicts
{
    private const string AfterReview = "2026-08-10";
    private const string BeforeReview = "2026-03-02";

    [Fact]
    public async Task A_corrected_schedule_changes_the_affected_verdicts_once_and_leaves_the_rest_alone()
    {
        await using var store = await PrivateStore.StartAsync();
        var harness = store.Harness;
        var coordinator = harness.Get<RescreenCoordinator>();
        Assert.Null(await coordinator.StepAsync(CancellationToken.None)); // first step: records the schedule in force

        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "voyages.json", Documents.Batch(
            Voyage("ATT-COMPLIANT", price: 46.00m, loadingDate: AfterReview),
            Voyage("ATT-VIOLATION", price: 48.00m, loadingDate: AfterReview),
            Voyage("ATT-BEFORE", price: 46.00m, loadingDate: BeforeReview))), CancellationToken.None);
        Assert.Equal(Verdict.NeedsReview, (await Current(harness, shipper, "ATT-COMPLIANT")).Verdict);
        Assert.Equal(Verdict.NeedsReview, (await Current(harness, shipper, "ATT-VIOLATION")).Verdict);
        var untouched = await CurrentRow(harness, shipper, "ATT-BEFORE");
        var alertsAtIngest = harness.Alerts.Calls.Count;

        var corrected = Schedules.Corrected(47.00m, "2026-12-01.1-corrected");
        var dryRun = await harness.Get<RescreenDryRun>().RunAsync(corrected, CancellationToken.None);
        Assert.Equal(["ATT-COMPLIANT", "ATT-VIOLATION"], dryRun.Attestations.Select(a => a.AttestationId));
        Assert.Contains(dryRun.Counts, c => c is { Regime: "EU", From: Verdict.NeedsReview, To: Verdict.Violation, Count: 1 });
        Assert.Contains(dryRun.Counts, c => c is { Regime: "EU", From: Verdict.NeedsReview, To: Verdict.Compliant, Count: 1 });

        var run = await PublishAndStepAsync(harness, corrected);

        Assert.Equal(RescreenStatuses.Finished, run!.Status);
        Assert.Equal(2, run.Progress.Changed);
        var compliant = await Current(harness, shipper, "ATT-COMPLIANT");
        var violation = await Current(harness, shipper, "ATT-VIOLATION");
        Assert.Equal(Verdict.Compliant, compliant.Verdict);
        Assert.Equal(Verdict.Violation, violation.Verdict);
        Assert.All(new[] { compliant, violation }, answer =>
        {
            Assert.Equal("2026-12-01.1-corrected", answer.ScheduleVersion);
            Assert.Equal(new EvaluationAnswer(2, EvaluationCauses.Rescreen, answer.Evaluation.EvaluatedAt, run.Id), answer.Evaluation);
            var past = Assert.Single(answer.History);
            Assert.Equal(Verdict.NeedsReview, past.Verdict);
            Assert.Equal("2026-12-01.1", past.ScheduleVersion);
            Assert.Equal(EvaluationCauses.Ingest, past.Cause);
        });
        Assert.Equal(untouched.ETag, (await CurrentRow(harness, shipper, "ATT-BEFORE")).ETag);

        var rescreenAlerts = harness.Alerts.Calls.Skip(alertsAtIngest).ToList();
        Assert.Equal(["violation EU", "violation GB"], rescreenAlerts.Select(a => $"{a.EventType} {a.Regime}").Order());
        Assert.All(rescreenAlerts, a => Assert.Equal(("ATT-VIOLATION", 2, EvaluationCauses.Rescreen, run.Id), (a.AttestationId, a.Evaluation, a.Cause, a.RescreenRunId)));

        var (changes, _) = await harness.Get<RescreenRunStore>().ListChangesAsync(run.Id, null, 100, CancellationToken.None);
        Assert.Equal(dryRun.Attestations.Select(Key), changes.Select(Key).Order());

        // The same schedule published again (same bytes, new ETag): nothing to do, nothing sent.
        Assert.Null(await PublishAndStepAsync(harness, corrected));
        Assert.Equal(alertsAtIngest + 2, harness.Alerts.Calls.Count);
        Assert.Single(await harness.Get<RescreenRunStore>().ListRunsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_violation_a_later_schedule_clears_gets_a_resolved_alert_and_leaves_the_violations_list()
    {
        await using var store = await PrivateStore.StartAsync();
        var harness = store.Harness;
        var coordinator = harness.Get<RescreenCoordinator>();
        await coordinator.StepAsync(CancellationToken.None);
        var shipper = PipelineHarness.NewShipper();
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "voyage.json",
            Voyage("ATT-1", price: 48.00m, loadingDate: AfterReview)), CancellationToken.None);
        await PublishAndStepAsync(harness, Schedules.Corrected(47.00m, "corrected-47"));
        Assert.Equal(Verdict.Violation, (await Current(harness, shipper, "ATT-1")).Verdict);
        Assert.Equal(2, (await Violations(harness, "EU", shipper)).Count + (await Violations(harness, "GB", shipper)).Count);
        var before = harness.Alerts.Calls.Count;

        var run = await PublishAndStepAsync(harness, Schedules.Corrected(49.00m, "corrected-49"));

        var answer = await Current(harness, shipper, "ATT-1");
        Assert.Equal(Verdict.Compliant, answer.Verdict);
        Assert.Equal(3, answer.Evaluation.Number);
        Assert.Equal([Verdict.NeedsReview, Verdict.Violation], answer.History.Select(h => h.Verdict));
        var resolved = harness.Alerts.Calls.Skip(before).ToList();
        Assert.Equal(["resolved EU", "resolved GB"], resolved.Select(a => $"{a.EventType} {a.Regime}").Order());
        Assert.All(resolved, a => Assert.EndsWith(a.AlertId[^24..], a.AlertId));
        Assert.All(resolved, a => Assert.Contains("-e3-", a.AlertId, StringComparison.Ordinal));
        Assert.Empty(await Violations(harness, "EU", shipper));
        Assert.Equal(RescreenStatuses.Finished, run!.Status);
    }

    [Fact]
    public async Task A_newer_schedule_supersedes_a_run_left_open_and_the_verdicts_follow_the_newer_one()
    {
        await using var store = await PrivateStore.StartAsync(new Dictionary<string, string?> { ["Rescreen:PageSize"] = "10" });
        var harness = store.Harness;
        var coordinator = harness.Get<RescreenCoordinator>();
        await coordinator.StepAsync(CancellationToken.None);
        var shipper = PipelineHarness.NewShipper();
        var documents = Enumerable.Range(0, 40).Select(i => Voyage($"ATT-{i:D3}", price: 48.00m, loadingDate: AfterReview));
        await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "voyages.json", Documents.Batch([.. documents])), CancellationToken.None);

        // A run for the 47.00 schedule stopped after its first page (a host stopped mid-way).
        await PublishAsync(harness, Schedules.Corrected(47.00m, "corrected-47"));
        using (var stop = new CancellationTokenSource())
        {
            var runs = harness.Get<RescreenRunStore>();
            var step = coordinator.StepAsync(stop.Token);
            while (!step.IsCompleted)
            {
                if ((await runs.ListRunsAsync(CancellationToken.None)).FirstOrDefault() is { Progress.Examined: > 0 })
                {
                    await stop.CancelAsync();
                }

                await Task.Delay(5);
            }

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => step);
        }

        var run = await PublishAndStepAsync(harness, Schedules.Corrected(49.00m, "corrected-49"));

        var all = await harness.Get<RescreenRunStore>().ListRunsAsync(CancellationToken.None);
        Assert.Equal([RescreenStatuses.Finished, RescreenStatuses.Superseded], all.Select(r => r.Status));
        Assert.Equal(2, run!.BaseSha256s.Count);
        for (var i = 0; i < 40; i++)
        {
            var answer = await Current(harness, shipper, $"ATT-{i:D3}");
            Assert.Equal(Verdict.Compliant, answer.Verdict);
            Assert.Equal("corrected-49", answer.ScheduleVersion);
        }

        var alerts = harness.Alerts.Calls;
        Assert.Equal(alerts.Count, alerts.Select(a => a.AlertId).Distinct().Count());
        Assert.All(alerts.Where(a => a.EventType == AlertMessage.Violation), v =>
            Assert.Contains(alerts, r => r.EventType == AlertMessage.Resolved && r.AttestationId == v.AttestationId && r.Regime == v.Regime));
    }

    /// <summary>A cargo of <see cref="Documents.Json"/>, discharged a month after loading.</summary>
    private static string Voyage(string attestationId, decimal price, string loadingDate) =>
        Documents.Json(attestationId, price, loadingDate: loadingDate)
            .Replace("\"dischargeDate\": \"2026-03-30\"", $"\"dischargeDate\": \"{DateOnly.Parse(loadingDate, System.Globalization.CultureInfo.InvariantCulture).AddDays(30):yyyy-MM-dd}\"", StringComparison.Ordinal);

    private static string Key(RescreenChange change) => $"{change.ShipperId}/{change.AttestationId} {change.From}->{change.To}";

    private static async Task PublishAsync(PipelineHarness harness, string schedule)
    {
        await harness.Blobs.GetBlobContainerClient(harness.ScheduleContainer).GetBlobClient(StorageNames.Blobs.CapSchedule)
            .UploadAsync(Documents.Bytes(schedule), overwrite: true);
        harness.Clock.Advance(TimeSpan.FromMinutes(1)); // past the schedule refresh interval
    }

    private static async Task<RescreenRun?> PublishAndStepAsync(PipelineHarness harness, string schedule)
    {
        await PublishAsync(harness, schedule);
        return await harness.Get<RescreenCoordinator>().StepAsync(CancellationToken.None);
    }

    private static async Task<AttestationAnswer> Current(PipelineHarness harness, string shipper, string attestationId) =>
        await harness.Queries.GetAttestationAsync(shipper, attestationId, null, CancellationToken.None)
        ?? throw new InvalidOperationException($"{attestationId} is not stored");

    private static async Task<TableEntity> CurrentRow(PipelineHarness harness, string shipper, string attestationId)
    {
        var partition = RecordKeys.Attestation(shipper, attestationId);
        var table = harness.Get<TableServiceClient>().GetTableClient(StorageNames.Tables.Attestations);
        return (await table.GetEntityAsync<TableEntity>(partition, RecordKeys.CurrentRow(partition))).Value;
    }

    private static async Task<List<TableEntity>> Violations(PipelineHarness harness, string regime, string shipper)
    {
        var table = harness.Get<TableServiceClient>().GetTableClient(StorageNames.Tables.Violations);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(r => r.PartitionKey == regime))
        {
            if (row.GetString("ShipperId") == shipper) rows.Add(row);
        }

        return rows;
    }
}
