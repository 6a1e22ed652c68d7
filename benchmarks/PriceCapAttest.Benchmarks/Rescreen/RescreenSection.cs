using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Testing;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Benchmarks.Storage;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Benchmarks.Rescreen;

/// <summary>
/// Re-screening of stored attestations after a schedule correction, measured in process on a fresh in-memory
/// Azurite: the pipeline services (<see cref="PipelineServices"/>: the real queue alert publisher, no dispatcher) with
/// a clock set to 2026-12-01 that moves with real time; a baseline step; attestations ingested under the embedded
/// schedule (all NeedsReview); the corrected schedule published to the schedule blob; then the one
/// <see cref="RescreenCoordinator.StepAsync"/> that re-screens them all, timed, its storage requests counted.
/// </summary>
public static class RescreenSection
{
    public const double TargetSeconds = 60;
    public const string Shipper = "rescreen";
    public const string CorrectedVersion = "2026-12-01.1-corrected";
    private const int RowsPerDocument = 1_000;
    private static readonly DateTimeOffset ClockStart = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    public sealed record RescreenFigures(
        int Attestations, int Documents, double IngestSeconds, IReadOnlyDictionary<Verdict, int> IngestVerdicts, RescreenRun Run,
        double Seconds, long Requests, IReadOnlyList<(string Kind, long Count, double MeanMs)> Kinds)
    {
        public int Examined => Run.Progress.Examined;

        public int Changed => Run.Progress.Changed;

        public double AttestationsPerSecond => Examined / Seconds;

        public double RequestsPerAttestation => Examined == 0 ? double.NaN : (double)Requests / Examined;
    }

    public static async Task<RescreenFigures> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        var figures = await MeasureAsync(options).ConfigureAwait(false);
        var progress = figures.Run.Progress;
        report.Section("Re-screen of stored attestations after a schedule correction (in process, Azurite)",
            $"Measured harness, in process, on a fresh in-memory Azurite: the pipeline services as `PipelineServices` wires them " +
            $"(AddPriceCapPipeline + AddPriceCapAlerts, so the **real queue alert publisher**; no dispatcher runs, so alerts are queued, " +
            $"never delivered), repository defaults for `Rescreen` (page size, parallelism), `Schedule:RefreshInterval` = " +
            $"{RefreshInterval:c}, and a clock set to {ClockStart:yyyy-MM-dd HH:mm} UTC at the start that moves with real time. " +
            $"One `RescreenCoordinator.StepAsync` on the fresh store records the embedded schedule as the baseline; then " +
            $"{figures.Attestations:N0} attestations in {figures.Documents} CSV document(s) of up to {RowsPerDocument:N0} rows " +
            $"(crude, FOB, attestor in GR and insurer in GB so EU and GB are engaged, loaded between 2026-07-16 and 2026-11-30, " +
            $"half at {RescreenDocuments.BelowCorrectedCap:0.00} and half at {RescreenDocuments.AboveCorrectedCap:0.00} USD/bbl) are " +
            $"ingested by `AttestationIngestService` (not timed: {MarkdownReport.Number(figures.IngestSeconds, "N1")} s; verdicts " +
            $"{VerdictText(figures.IngestVerdicts)}). The embedded schedule's corrected copy (EU and GB crude caps of 47.00 confirmed " +
            $"from 2026-07-15, version `{CorrectedVersion}`) is uploaded to the schedule blob, the harness waits past the refresh " +
            "interval, and the next `StepAsync` (the whole re-screen: planning, index pages, re-checks from the raw documents, new " +
            "evaluations, alerts queued, run progress) is timed with a Stopwatch; its storage requests are counted on the client " +
            "(every request of the pipeline's clients during the step, retries included).");
        report.Table(["run status", "examined", "changed", "unchanged", "unavailable", "alerts queued", "seconds", "attestations / s", "requests", "requests / attestation"],
        [
            [
                figures.Run.Status, N(progress.Examined), N(progress.Changed), N(progress.Unchanged), N(progress.Unavailable), N(progress.AlertsQueued),
                MarkdownReport.Number(figures.Seconds, "N1"), MarkdownReport.Number(figures.AttestationsPerSecond, "N1"),
                figures.Requests.ToString("N0", CultureInfo.InvariantCulture), MarkdownReport.Number(figures.RequestsPerAttestation, "N2"),
            ],
        ]);
        report.Note($"Changes the run found: {string.Join("; ", figures.Run.Changes)}. Months examined: {string.Join(", ", figures.Run.Months)}.");
        if (figures.Run.Counts.Count > 0)
        {
            report.Note("Verdict changes: " + string.Join("; ", figures.Run.Counts.Select(c => $"{c.Regime} {c.From?.ToString() ?? "none"} → {c.To?.ToString() ?? "none"}: {c.Count:N0}")) + ".");
        }

        report.Note("Where the re-screen's storage time goes (time per request as the client saw it, concurrent requests included):");
        report.Table(["Request", "count", "per attestation", "mean ms"], figures.Kinds.Take(14).Select(k => (IReadOnlyList<string>)
        [
            $"`{k.Kind}`", k.Count.ToString("N0", CultureInfo.InvariantCulture),
            MarkdownReport.Number(figures.Examined == 0 ? double.NaN : (double)k.Count / figures.Examined, "N2"), MarkdownReport.Number(k.MeanMs, "N2"),
        ]));
        return figures;
    }

    private static async Task<RescreenFigures> MeasureAsync(HarnessOptions options)
    {
        await using var azurite = await AzuriteProcess.RunAsync().ConfigureAwait(false);
        var counter = new RequestCounter();
        var settings = new Dictionary<string, string?> { ["Schedule:RefreshInterval"] = RefreshInterval.ToString("c", CultureInfo.InvariantCulture) };
        await using var provider = await PipelineServices.CreateAsync(azurite.ConnectionString, options.Parallelism, counter, settings,
            new ShiftedClock(ClockStart)).ConfigureAwait(false);
        var coordinator = provider.GetRequiredService<RescreenCoordinator>();
        if (await coordinator.StepAsync(CancellationToken.None).ConfigureAwait(false) is { } early)
        {
            throw new InvalidOperationException($"The first re-screen step on a fresh store ran {early.Id} instead of recording the baseline.");
        }

        var count = options.RescreenAttestations;
        Console.WriteLine($"[rescreen] ingesting {count:N0} attestations");
        var (ingestSeconds, documents, verdicts) = await IngestAsync(provider, azurite.ConnectionString, count).ConfigureAwait(false);
        Console.WriteLine($"[rescreen] ingested in {ingestSeconds:N1} s: {VerdictText(verdicts)}");

        var schedule = provider.GetRequiredService<IOptions<ScheduleOptions>>().Value;
        var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(schedule.BlobContainer);
        await container.CreateIfNotExistsAsync().ConfigureAwait(false);
        await container.GetBlobClient(schedule.BlobName).UploadAsync(BinaryData.FromString(Schedules.Corrected(47.00m, CorrectedVersion)), overwrite: true)
            .ConfigureAwait(false);
        await Task.Delay(RefreshInterval + TimeSpan.FromMilliseconds(500)).ConfigureAwait(false);

        Console.WriteLine("[rescreen] re-screening");
        counter.ResetKinds();
        var before = counter.Count;
        var clock = Stopwatch.StartNew();
        var run = await coordinator.StepAsync(CancellationToken.None).ConfigureAwait(false)
                  ?? throw new InvalidOperationException("The step after the corrected schedule was published did not re-screen.");
        clock.Stop();
        var requests = counter.Count - before;
        if (run.Status != RescreenStatuses.Finished || run.ScheduleVersion != CorrectedVersion)
        {
            throw new InvalidOperationException($"Re-screen {run.Id} for {run.ScheduleVersion} ended {run.Status}: {run.Error}");
        }

        Console.WriteLine($"[rescreen] {run.Progress.Examined:N0} examined, {run.Progress.Changed:N0} changed in {clock.Elapsed.TotalSeconds:N1} s, {requests:N0} requests");
        return new RescreenFigures(count, documents, ingestSeconds, verdicts, run, clock.Elapsed.TotalSeconds, requests, counter.Kinds());
    }

    private static async Task<(double Seconds, int Documents, IReadOnlyDictionary<Verdict, int> Verdicts)> IngestAsync(
        ServiceProvider provider, string connectionString, int count)
    {
        var ingest = provider.GetRequiredService<AttestationIngestService>();
        var attestations = new BlobServiceClient(connectionString).GetBlobContainerClient(StorageNames.Containers.Attestations);
        var parts = Enumerable.Range(0, (count + RowsPerDocument - 1) / RowsPerDocument)
            .Select(k => (Name: $"{Shipper}/part-{k:D3}.csv", First: k * RowsPerDocument, Rows: Math.Min(RowsPerDocument, count - k * RowsPerDocument)))
            .ToList();
        var verdicts = new Dictionary<Verdict, int>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(parts, new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (part, ct) =>
        {
            await attestations.GetBlobClient(part.Name).UploadAsync(new BinaryData(RescreenDocuments.Csv(part.First, part.Rows)), overwrite: true, ct)
                .ConfigureAwait(false);
            var outcome = await ingest.IngestAsync(StorageNames.Containers.Attestations, part.Name, ct).ConfigureAwait(false);
            var receipt = outcome.Receipt;
            var recorded = receipt.Attestations.Count(a => a.Record is not null);
            if (receipt.Status != ReceiptStatus.Processed || recorded != part.Rows)
            {
                var error = receipt.Attestations.SelectMany(a => a.Errors).FirstOrDefault();
                throw new InvalidOperationException($"{part.Name}: {receipt.Status}, {recorded} of {part.Rows} recorded ({receipt.Error ?? error?.ToString()}).");
            }

            lock (verdicts)
            {
                foreach (var attestation in receipt.Attestations)
                {
                    verdicts[attestation.Verdict] = verdicts.GetValueOrDefault(attestation.Verdict) + 1;
                }
            }
        }).ConfigureAwait(false);
        return (clock.Elapsed.TotalSeconds, parts.Count, verdicts);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string VerdictText(IReadOnlyDictionary<Verdict, int> verdicts) =>
        string.Join(", ", verdicts.OrderBy(v => v.Key.ToString()).Select(v => $"{v.Value:N0} {v.Key}"));

    /// <summary>The system clock shifted so it reads <paramref name="start"/> now (never backwards); it moves with real time.</summary>
    private sealed class ShiftedClock(DateTimeOffset start) : TimeProvider
    {
        private readonly TimeSpan _shift = start > TimeProvider.System.GetUtcNow() ? start - TimeProvider.System.GetUtcNow() : TimeSpan.Zero;

        public override DateTimeOffset GetUtcNow() => TimeProvider.System.GetUtcNow() + _shift;
    }
}
