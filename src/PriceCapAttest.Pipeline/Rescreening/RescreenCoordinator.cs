using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// Decides and drives re-screening, one step per call (the local host calls it every few seconds, the Functions app
/// from a timer): when the schedule in force differs from the one the stored verdicts follow, it starts a run (or
/// resumes the open one) and runs it to the end. A run whose schedule is no longer in force is superseded: the next
/// run compares with its schedule too, since it may have applied it in part. The first call on a new store only
/// records the schedule in force (there is nothing older to compare with).
/// </summary>
public sealed partial class RescreenCoordinator(
    ICapScheduleProvider schedules,
    ScheduleArchive archive,
    RescreenRunStore runs,
    ScreeningIndex index,
    RescreenPlanner planner,
    RescreenRunner runner,
    TimeProvider clock,
    ILogger<RescreenCoordinator> logger)
{
    /// <returns>The run this step worked on, or null when there was nothing to do.</returns>
    public async Task<RescreenRun?> StepAsync(CancellationToken cancellationToken)
    {
        var target = await schedules.GetInForceAsync(cancellationToken).ConfigureAwait(false);
        var state = await runs.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            await archive.KeepAsync(target, cancellationToken).ConfigureAwait(false);
            await runs.TrySaveStateAsync(new RescreenState(target.Sha256, target.Version, null, [], default), cancellationToken).ConfigureAwait(false);
            return null;
        }

        var run = state.ActiveRunId is { } activeId ? await runs.GetRunAsync(activeId, cancellationToken).ConfigureAwait(false) : null;
        if (run is not null && run.ScheduleSha256 != target.Sha256)
        {
            if (run.IsOpen || run.Status == RescreenStatuses.Failed)
            {
                await runs.SaveRunAsync(run with { Status = RescreenStatuses.Superseded, UpdatedAt = clock.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            }

            var pending = state.PendingSha256s.Append(run.ScheduleSha256).Distinct(StringComparer.Ordinal).ToList();
            if (!await runs.TrySaveStateAsync(state with { ActiveRunId = null, PendingSha256s = pending }, cancellationToken).ConfigureAwait(false))
            {
                return null; // another host moved on meanwhile: look again next time
            }

            state = (await runs.GetStateAsync(cancellationToken).ConfigureAwait(false))!;
            run = null;
        }

        RescreenScope scope;
        if (run is null)
        {
            if (state.BaselineSha256 == target.Sha256 && state.PendingSha256s.Count == 0)
            {
                return null;
            }

            await archive.KeepAsync(target, cancellationToken).ConfigureAwait(false);
            IReadOnlyList<string> bases = [.. new[] { state.BaselineSha256 }.OfType<string>().Concat(state.PendingSha256s)
                .Where(sha => sha != target.Sha256).Distinct(StringComparer.Ordinal)];
            scope = await planner.ScopeAsync(bases, target.Checker.Schedule, cancellationToken).ConfigureAwait(false);
            var months = scope.IsEmpty ? [] : scope.MonthsAmong(await index.MonthsAsync(cancellationToken).ConfigureAwait(false));
            var now = clock.GetUtcNow();
            run = new RescreenRun(RescreenPlanner.NewRunId(now, target.Sha256), target.Version, target.Sha256, bases, RescreenStatuses.Started,
                now, now, null, [.. scope.Changes.Select(c => c.Description)], months,
                months.Count > 0 ? new RescreenCursor(months[0], null) : null, RescreenProgress.None, [], null);
            await runs.SaveRunAsync(run, cancellationToken).ConfigureAwait(false);
            if (!await runs.TrySaveStateAsync(state with { ActiveRunId = run.Id }, cancellationToken).ConfigureAwait(false))
            {
                await runs.SaveRunAsync(run with { Status = RescreenStatuses.Superseded }, cancellationToken).ConfigureAwait(false);
                return null;
            }

            LogStarted(logger, run.Id, target.Version, scope.Changes.Count, months.Count);
        }
        else if (run.Status == RescreenStatuses.Finished)
        {
            await CompleteAsync(run, target, cancellationToken).ConfigureAwait(false);
            return run;
        }
        else
        {
            scope = await planner.ScopeAsync(run.BaseSha256s, target.Checker.Schedule, cancellationToken).ConfigureAwait(false);
            LogResumed(logger, run.Id, target.Version, run.Progress.Examined);
        }

        try
        {
            run = await runner.RunAsync(run, target, scope, async ct =>
                (await schedules.GetInForceAsync(ct).ConfigureAwait(false)).Sha256 != target.Sha256, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, run.Id);
            var failed = (await runs.GetRunAsync(run.Id, cancellationToken).ConfigureAwait(false) ?? run) with
            {
                Status = RescreenStatuses.Failed, Error = $"{e.GetType().Name}: {e.Message}", UpdatedAt = clock.GetUtcNow(),
            };
            await runs.SaveRunAsync(failed, cancellationToken).ConfigureAwait(false);
            return failed;
        }

        if (run.Status == RescreenStatuses.Finished)
        {
            await CompleteAsync(run, target, cancellationToken).ConfigureAwait(false);
        }

        return run;
    }

    private async Task CompleteAsync(RescreenRun run, ScheduleInForce target, CancellationToken cancellationToken)
    {
        var state = await runs.GetStateAsync(cancellationToken).ConfigureAwait(false);
        if (state is not null && state.ActiveRunId == run.Id)
        {
            await runs.TrySaveStateAsync(state with { BaselineSha256 = target.Sha256, BaselineVersion = target.Version, ActiveRunId = null, PendingSha256s = [] },
                cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screen {RunId} started for schedule {Version}: {Changes} change(s), {Months} month(s) of stored attestations to examine")]
    private static partial void LogStarted(ILogger logger, string runId, string version, int changes, int months);

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-screen {RunId} for schedule {Version} resumed after {Examined} attestation(s) examined")]
    private static partial void LogResumed(ILogger logger, string runId, string version, int examined);

    [LoggerMessage(Level = LogLevel.Error, Message = "Re-screen {RunId} failed; it resumes at its cursor on the next attempt")]
    private static partial void LogFailed(ILogger logger, Exception exception, string runId);
}
