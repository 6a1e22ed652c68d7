using System.Text.Json;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>An attestation examined: what was found, its current version as read, and the result under the new schedule.</summary>
public sealed record Examination(ScreeningEntry Entry, ExaminationOutcome Outcome, CurrentEntry? Current, CheckResult? NewResult)
{
    /// <summary>The change of verdicts this examination finds (null unless Changed or AlreadyApplied).</summary>
    public RescreenChange? Change(IReadOnlyList<PastEvaluation>? history = null)
    {
        if (Current is null || NewResult is null || Outcome is not (ExaminationOutcome.Changed or ExaminationOutcome.AlreadyApplied))
        {
            return null;
        }

        var before = Outcome == ExaminationOutcome.AlreadyApplied && history?.LastOrDefault(h => h.Version == Current.Version.Version) is { } past
            ? past.Result
            : Current.Version.Result;
        return RescreenChanges.Between(Current.Version, before, NewResult);
    }
}

/// <summary>Examines attestations against a new schedule: reads the current version, checks its raw document again, compares.</summary>
public sealed class RescreenExaminer(EvaluationStore evaluations, DocumentRechecker rechecker, RescreenScope scope, string? runId)
{
    public async Task<Examination> ExamineAsync(ScreeningEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var current = await evaluations.GetCurrentEntryAsync(entry.ShipperId, entry.AttestationId, cancellationToken).ConfigureAwait(false);
        if (current is null)
        {
            return new Examination(entry, ExaminationOutcome.Gone, null, null);
        }

        var version = current.Version;
        if (!scope.Covers(version) || ScreeningIndex.Month(version.Facts.LoadingDate!.Value) != entry.Month)
        {
            return new Examination(entry, ExaminationOutcome.OutsideScope, current, null);
        }

        if (runId is not null && version.Evaluation.RescreenRunId == runId)
        {
            return new Examination(entry, ExaminationOutcome.AlreadyApplied, current, version.Result);
        }

        var results = await rechecker.CheckAsync(version.BlobPath, version.Sha256, cancellationToken).ConfigureAwait(false);
        if (results is null || !results.TryGetValue(version.Result.Index, out var result) || result.AttestationId != version.AttestationId)
        {
            return new Examination(entry, ExaminationOutcome.Unavailable, current, null);
        }

        return SameOutcome(version.Result, result)
            ? new Examination(entry, ExaminationOutcome.Unchanged, current, result)
            : new Examination(entry, ExaminationOutcome.Changed, current, result);
    }

    /// <summary>Equal results but for the schedule version that reached them: nothing to record.</summary>
    public static bool SameOutcome(CheckResult stored, CheckResult rechecked)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rechecked);
        return JsonSerializer.Serialize(stored with { ScheduleVersion = null }, ResultJson.Compact) ==
               JsonSerializer.Serialize(rechecked with { ScheduleVersion = null }, ResultJson.Compact);
    }
}

/// <summary>Builds the verdict changes between two results of one version.</summary>
public static class RescreenChanges
{
    public static RescreenChange Between(AttestationVersion version, CheckResult before, CheckResult after)
    {
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var regimes = before.Regimes.Select(r => r.Regime).Union(after.Regimes.Select(r => r.Regime), StringComparer.Ordinal)
            .Select(regime => new RegimeVerdictChange(
                regime,
                before.Regimes.FirstOrDefault(r => r.Regime == regime)?.Verdict,
                after.Regimes.FirstOrDefault(r => r.Regime == regime)?.Verdict))
            .Where(c => c.From != c.To)
            .ToList();
        return new RescreenChange(version.ShipperId, version.AttestationId, version.Version, version.Facts.LoadingDate ?? default,
            before.Verdict, after.Verdict, before.ScheduleVersion, after.ScheduleVersion, regimes);
    }

    /// <summary>Counts per regime and verdict change, ordered by regime.</summary>
    public static IReadOnlyList<RescreenCount> Count(IEnumerable<RescreenChange> changes) =>
        [.. changes.SelectMany(c => c.Regimes)
            .GroupBy(r => (r.Regime, r.From, r.To))
            .Select(g => new RescreenCount(g.Key.Regime, g.Key.From, g.Key.To, g.Count()))
            .OrderBy(c => c.Regime, StringComparer.Ordinal).ThenBy(c => c.From).ThenBy(c => c.To)];
}
