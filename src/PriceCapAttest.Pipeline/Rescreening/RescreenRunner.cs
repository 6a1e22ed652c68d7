using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// Executes a re-screening run page by page over the index months it covers: examines each attestation, records a
/// new evaluation where the outcome changed, brings the indexes in line, publishes the alerts, and saves the run's
/// cursor and counters after every page. Stops (superseded) between pages when a newer schedule came into force.
/// </summary>
public sealed partial class RescreenRunner(
    ScreeningIndex index,
    EvaluationStore evaluations,
    VersionAlerts alerts,
    RescreenRunStore runs,
    ReceiptReevaluationStore receiptNotes,
    BlobServiceClient blobs,
    IOptions<RescreenOptions> options,
    TimeProvider clock,
    ILogger<RescreenRunner> logger)
{
    private const int MaxAttempts = 5;

    private readonly RescreenOptions _options = options.Value;

    public async Task<RescreenRun> RunAsync(
        RescreenRun run, ScheduleInForce target, RescreenScope scope, Func<CancellationToken, ValueTask<bool>> superseded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(superseded);
        var examiner = new RescreenExaminer(evaluations, new DocumentRechecker(blobs, target.Checker), scope, run.Id);
        run = await SaveAsync(run with { Status = RescreenStatuses.Running, Error = null }, cancellationToken).ConfigureAwait(false);
        var first = run.Cursor is { } cursor ? Math.Max(0, IndexOf(run.Months, cursor.Month)) : run.Months.Count;
        for (var m = first; m < run.Months.Count; m++)
        {
            var month = run.Months[m];
            var after = run.Cursor?.Month == month ? run.Cursor.AfterRow : null;
            await foreach (var page in index.ReadAsync(month, after, _options.PageSize, cancellationToken).ConfigureAwait(false))
            {
                if (page.Count == 0)
                {
                    continue;
                }

                var (progress, changes) = await ProcessPageAsync([.. page.Where(scope.Covers)], examiner, run.Id, cancellationToken).ConfigureAwait(false);
                await runs.AddChangesAsync(run.Id, changes, cancellationToken).ConfigureAwait(false);
                run = await SaveAsync(run with
                {
                    Progress = run.Progress.Add(progress),
                    Counts = Merge(run.Counts, RescreenChanges.Count(changes)),
                    Cursor = new RescreenCursor(month, page[^1].RowKey),
                }, cancellationToken).ConfigureAwait(false);
                LogProgress(logger, run.Id, month, m + 1, run.Months.Count, run.Progress.Examined, run.Progress.Changed, run.Progress.AlertsQueued);
                if (await superseded(cancellationToken).ConfigureAwait(false))
                {
                    LogSuperseded(logger, run.Id, run.ScheduleVersion);
                    return await SaveAsync(run with { Status = RescreenStatuses.Superseded }, cancellationToken).ConfigureAwait(false);
                }
            }

            var next = m + 1 < run.Months.Count ? new RescreenCursor(run.Months[m + 1], null) : new RescreenCursor(month, null);
            run = await SaveAsync(run with { Progress = run.Progress with { MonthsDone = m + 1 }, Cursor = m + 1 < run.Months.Count ? next : null },
                cancellationToken).ConfigureAwait(false);
        }

        run = await SaveAsync(run with { Status = RescreenStatuses.Finished, FinishedAt = clock.GetUtcNow(), Cursor = null }, cancellationToken).ConfigureAwait(false);
        var p = run.Progress;
        LogFinished(logger, run.Id, run.ScheduleVersion, p.Examined, p.Changed, p.Unchanged, p.Unavailable, p.AlertsQueued);
        return run;
    }

    /// <summary>
    /// One page in three steps, each complete before the next: every attestation examined and its new evaluation
    /// recorded (in parallel); the indexes of the page's changed attestations together (transactions per partition);
    /// then their alerts. The run's cursor moves past the page only after all three, and a resumed run finds the
    /// evaluations recorded (AlreadyApplied) and completes the indexes and alerts again (idempotent).
    /// </summary>
    private async Task<(RescreenProgress Progress, IReadOnlyList<RescreenChange> Changes)> ProcessPageAsync(
        IReadOnlyList<ScreeningEntry> entries, RescreenExaminer examiner, string runId, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = _options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var recorded = new ConcurrentBag<(ProjectedEvaluation Evaluation, RescreenChange Change)>();
        int unchanged = 0, unavailable = 0;
        await Parallel.ForEachAsync(entries, parallel, async (entry, ct) =>
        {
            switch (await RecordAsync(entry, examiner, runId, ct).ConfigureAwait(false))
            {
                case { Outcome: ExaminationOutcome.Unchanged }:
                    Interlocked.Increment(ref unchanged);
                    break;
                case { Outcome: ExaminationOutcome.Unavailable }:
                    Interlocked.Increment(ref unavailable);
                    LogUnavailable(logger, runId, entry.ShipperId, entry.AttestationId);
                    break;
                case { Evaluation: { } evaluation, Change: { } change }:
                    recorded.Add((evaluation, change));
                    break;
            }
        }).ConfigureAwait(false);

        await evaluations.ProjectManyAsync([.. recorded.Select(r => r.Evaluation)], cancellationToken).ConfigureAwait(false);
        var alertsQueued = 0;
        await Parallel.ForEachAsync(recorded, parallel, async (r, ct) =>
            Interlocked.Add(ref alertsQueued, await alerts.PublishAsync(r.Evaluation.Version, ct).ConfigureAwait(false))).ConfigureAwait(false);

        return (new RescreenProgress(0, entries.Count, recorded.Count, unchanged, unavailable, alertsQueued), [.. recorded.Select(r => r.Change)]);
    }

    /// <summary>Examines one attestation and records its new evaluation where the outcome changed (examined again after a conflict).</summary>
    private async Task<Recorded> RecordAsync(ScreeningEntry entry, RescreenExaminer examiner, string runId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var examination = await examiner.ExamineAsync(entry, cancellationToken).ConfigureAwait(false);
            var current = examination.Current;
            switch (examination.Outcome)
            {
                case ExaminationOutcome.AlreadyApplied:
                {
                    var history = await evaluations.GetHistoryAsync(entry.ShipperId, entry.AttestationId, cancellationToken).ConfigureAwait(false);
                    var change = examination.Change(history)!;
                    await receiptNotes.RecordAsync(current!.Version, change, cancellationToken).ConfigureAwait(false);
                    return new Recorded(examination.Outcome, new ProjectedEvaluation(current.Version, current.Versions), change);
                }

                case ExaminationOutcome.Changed:
                {
                    var evaluation = new VersionEvaluation(current!.Version.Evaluation.Number + 1, EvaluationCauses.Rescreen, clock.GetUtcNow(), runId);
                    if (await evaluations.ReplaceAsync(current, examination.NewResult!, evaluation, cancellationToken).ConfigureAwait(false) is not { } replaced)
                    {
                        continue; // an ingest or another run wrote meanwhile: examine again
                    }

                    var change = examination.Change()!;
                    await receiptNotes.RecordAsync(replaced, change, cancellationToken).ConfigureAwait(false);
                    return new Recorded(examination.Outcome, new ProjectedEvaluation(replaced, current.Versions), change);
                }

                default:
                    return new Recorded(examination.Outcome, null, null);
            }
        }

        throw new InvalidOperationException($"Could not re-screen {entry.ShipperId}/{entry.AttestationId} after {MaxAttempts} attempts (contention).");
    }

    private sealed record Recorded(ExaminationOutcome Outcome, ProjectedEvaluation? Evaluation, RescreenChange? Change);

    private async Task<RescreenRun> SaveAsync(RescreenRun run, CancellationToken cancellationToken)
    {
        var saved = run with { UpdatedAt = clock.GetUtcNow() };
        await runs.SaveRunAsync(saved, cancellationToken).ConfigureAwait(false);
        return saved;
    }

    private static int IndexOf(IReadOnlyList<string> months, string month)
    {
        for (var i = 0; i < months.Count; i++)
        {
            if (months[i] == month) return i;
        }

        return -1;
    }

    internal static IReadOnlyList<RescreenCount> Merge(IReadOnlyList<RescreenCount> a, IReadOnlyList<RescreenCount> b) =>
        [.. a.Concat(b)
            .GroupBy(c => (c.Regime, c.From, c.To))
            .Select(g => new RescreenCount(g.Key.Regime, g.Key.From, g.Key.To, g.Sum(c => c.Count)))
            .OrderBy(c => c.Regime, StringComparer.Ordinal).ThenBy(c => c.From).ThenBy(c => c.To)];

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screen {RunId}: month {Month} ({Done}/{Months}), {Examined} examined, {Changed} changed, {Alerts} alert(s) queued")]
    private static partial void LogProgress(ILogger logger, string runId, string month, int done, int months, int examined, int changed, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screen {RunId} for schedule {Version} finished: {Examined} examined, {Changed} changed, {Unchanged} unchanged, {Unavailable} unavailable, {Alerts} alert(s) queued")]
    private static partial void LogFinished(ILogger logger, string runId, string version, int examined, int changed, int unchanged, int unavailable, int alerts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screen {RunId} for schedule {Version} is superseded by a newer schedule; the next run takes over")]
    private static partial void LogSuperseded(ILogger logger, string runId, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-screen {RunId}: the raw document of {ShipperId}/{AttestationId} is gone or was overwritten; its verdict stays as it was")]
    private static partial void LogUnavailable(ILogger logger, string runId, string shipperId, string attestationId);
}
