using System.Collections.Concurrent;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// Answers, before a schedule is published, what re-screening for it would change: the same comparison and
/// examination as a run, writing nothing. Throws <see cref="InvalidCapScheduleException"/> for a schedule the
/// pipeline would refuse.
/// </summary>
public sealed class RescreenDryRun(
    ICapScheduleProvider schedules,
    RescreenRunStore runs,
    ScheduleArchive archive,
    ScreeningIndex index,
    RescreenPlanner planner,
    EvaluationStore evaluations,
    BlobServiceClient blobs,
    IOptions<RescreenOptions> options,
    IOptions<CheckThresholdOptions> checkOptions,
    IOptions<IngestOptions> ingestOptions,
    TimeProvider clock)
{
    public async Task<RescreenDryRunReport> RunAsync(string proposedJson, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(proposedJson);
        var proposed = CapScheduleLoader.Load(proposedJson);
        var inForce = await schedules.GetInForceAsync(cancellationToken).ConfigureAwait(false);
        var state = await runs.GetStateAsync(cancellationToken).ConfigureAwait(false);
        var active = state?.ActiveRunId is { } id ? await runs.GetRunAsync(id, cancellationToken).ConfigureAwait(false) : null;
        await archive.KeepAsync(inForce, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<string> bases = [.. new[] { inForce.Sha256, state?.BaselineSha256, active?.ScheduleSha256 }.OfType<string>()
            .Concat(state?.PendingSha256s ?? []).Distinct(StringComparer.Ordinal)];
        var scope = await planner.ScopeAsync(bases, proposed, cancellationToken).ConfigureAwait(false);
        var checker = new AttestationChecker(proposed, checkOptions.Value.ToCheckOptions(ingestOptions.Value.MaxDocumentBytes), clock);
        var examiner = new RescreenExaminer(evaluations, new DocumentRechecker(blobs, checker), scope, runId: null);
        var months = scope.IsEmpty ? [] : scope.MonthsAmong(await index.MonthsAsync(cancellationToken).ConfigureAwait(false));

        var changes = new ConcurrentBag<RescreenChange>();
        int examined = 0, unchanged = 0, unavailable = 0;
        foreach (var month in months)
        {
            await foreach (var page in index.ReadAsync(month, null, options.Value.PageSize, cancellationToken).ConfigureAwait(false))
            {
                await Parallel.ForEachAsync(page.Where(scope.Covers),
                    new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxDegreeOfParallelism, CancellationToken = cancellationToken },
                    async (entry, ct) =>
                    {
                        var examination = await examiner.ExamineAsync(entry, ct).ConfigureAwait(false);
                        Interlocked.Increment(ref examined);
                        switch (examination.Outcome)
                        {
                            case ExaminationOutcome.Changed:
                                changes.Add(examination.Change()!);
                                break;
                            case ExaminationOutcome.Unchanged:
                                Interlocked.Increment(ref unchanged);
                                break;
                            case ExaminationOutcome.Unavailable:
                                Interlocked.Increment(ref unavailable);
                                break;
                        }
                    }).ConfigureAwait(false);
            }
        }

        var list = changes.OrderBy(c => c.ShipperId, StringComparer.Ordinal).ThenBy(c => c.AttestationId, StringComparer.Ordinal).ToList();
        return new RescreenDryRunReport(proposed.Version, ScheduleInForce.HashOf(proposedJson), inForce.Version,
            [.. scope.Changes.Select(c => c.Description)], months.Count, examined, list.Count, unchanged, unavailable,
            RescreenChanges.Count(list), list);
    }
}
