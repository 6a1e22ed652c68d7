using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// The differences in caps and transitions between two schedules, per regime and category. Results carry a cap's
/// value, its rule id and whether it was confirmed on the loading date, so those are compared; the instrument,
/// source and note texts are not in any result and make no difference.
/// </summary>
internal static class PeriodChanges
{
    public static void Add(CapSchedule older, CapSchedule newer, List<ScheduleChange> changes)
    {
        var regimes = older.Regimes.Select(r => r.Code).Union(newer.Regimes.Select(r => r.Code), StringComparer.Ordinal);
        foreach (var regime in regimes)
        {
            foreach (var category in CapSchedule.CappedCategories)
                InForce(regime, category, older.PeriodsOf(regime, category), newer.PeriodsOf(regime, category), changes);
        }

        var olderReach = TransitionReach.Of(older);
        var newerReach = TransitionReach.Of(newer);
        Carried(older, newer, olderReach, newerReach, changes);
        Transitions(olderReach, newerReach, changes);
    }

    /// <summary>Where the cap in force by loading date differs: one change per run of dates with the same difference.</summary>
    private static void InForce(string regime, ProductCategory category, IReadOnlyList<CapPeriod> older, IReadOnlyList<CapPeriod> newer,
        List<ScheduleChange> changes)
    {
        if (older.Count == 0 && newer.Count == 0) return;
        var bounds = older.Concat(newer).SelectMany(Bounds);
        LoadingDates.Runs(bounds, DateOnly.MinValue, DateOnly.MaxValue,
            date => Difference(regime, category, Containing(older, date), Containing(newer, date), date),
            (from, to, text) =>
            {
                var subject = (Containing(newer, from) ?? Containing(older, from))!.RuleId;
                changes.Add(new ScheduleChange(ScheduleChangeKind.Period, subject, regime, category, null, from, to,
                    text + LoadingDates.Text(from, to)));
            });
    }

    /// <summary>
    /// A period's cap also applies outside its own dates: kept by a transition rule for cargo loaded later, or applied
    /// to cargo loaded earlier that meets no rule of the transition into it. Where such a period's value or status
    /// changed, those cargoes are affected too.
    /// </summary>
    private static void Carried(CapSchedule older, CapSchedule newer, List<TransitionReach> olderReach, List<TransitionReach> newerReach,
        List<ScheduleChange> changes)
    {
        var spans = new SortedDictionary<(string RuleId, string TransitionId, bool Held), (DateOnly From, DateOnly To)>();
        foreach (var reach in olderReach.Concat(newerReach))
        {
            if (reach.Transition.FromRuleId is { } kept && reach.Held is { } held) Widen((kept, reach.Transition.Id, true), held);
            if (reach.Early is { } early) Widen((reach.Target.RuleId, reach.Transition.Id, false), early);
        }

        var olderPeriods = older.Periods.ToDictionary(p => p.RuleId, StringComparer.Ordinal);
        var newerPeriods = newer.Periods.ToDictionary(p => p.RuleId, StringComparer.Ordinal);
        foreach (var ((ruleId, transitionId, isHeld), (from, to)) in spans)
        {
            // A period only one schedule has is reached through a transition that changed too: see Transitions.
            if (!olderPeriods.TryGetValue(ruleId, out var a) || !newerPeriods.TryGetValue(ruleId, out var b)) continue;
            if (a.CapUsdPerBbl == b.CapUsdPerBbl && a.Confirmed == b.Confirmed && a.KnownUntil == b.KnownUntil) continue;
            var how = isHeld ? $"kept by a rule of {transitionId}" : $"for cargo meeting no rule of {transitionId}";
            var bounds = new[] { a.KnownUntil, b.KnownUntil }.OfType<DateOnly>();
            LoadingDates.Runs(bounds, from, to,
                date => Difference(b.Regime, b.Category, a, b, date) is { } text ? $"{text} ({how})" : null,
                (start, end, text) => changes.Add(new ScheduleChange(ScheduleChangeKind.Period, ruleId, b.Regime, b.Category, null,
                    start, end, text + LoadingDates.Text(start, end))));
        }

        void Widen((string, string, bool) key, (DateOnly From, DateOnly To) span) =>
            spans[key] = spans.TryGetValue(key, out var known)
                ? (LoadingDates.Min(known.From, span.From), LoadingDates.Max(known.To, span.To))
                : span;
    }

    private static void Transitions(List<TransitionReach> olderReach, List<TransitionReach> newerReach, List<ScheduleChange> changes)
    {
        var older = olderReach.ToDictionary(r => r.Transition.Id, StringComparer.Ordinal);
        var newer = newerReach.ToDictionary(r => r.Transition.Id, StringComparer.Ordinal);
        foreach (var id in older.Keys.Union(newer.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var a = older.GetValueOrDefault(id);
            var b = newer.GetValueOrDefault(id);
            var description = Describe(a, b);
            if (description is null) continue;
            var from = LoadingDates.Min(a?.Whole.From ?? DateOnly.MaxValue, b?.Whole.From ?? DateOnly.MaxValue);
            var to = LoadingDates.Max(a?.Whole.To ?? DateOnly.MinValue, b?.Whole.To ?? DateOnly.MinValue);
            var either = (b ?? a)!.Transition;
            var sameGroup = a is null || b is null || (a.Transition.Regime == b.Transition.Regime && a.Transition.Category == b.Transition.Category);
            changes.Add(new ScheduleChange(ScheduleChangeKind.Transition, id, sameGroup ? either.Regime : null,
                sameGroup ? either.Category : null, null, from, to, description + LoadingDates.Text(from, to)));
        }
    }

    private static string? Describe(TransitionReach? older, TransitionReach? newer)
    {
        var t = (newer ?? older)!.Transition;
        var name = $"{t.Regime} {t.Category.ToScheduleName()} transition {t.Id}";
        if (older is null) return $"{name} added ({Into(t)}; {Rules(t.Rules)})";
        if (newer is null) return $"{name} removed ({Into(older.Transition)}; {Rules(older.Transition.Rules)})";

        var (a, b) = (older.Transition, newer.Transition);
        var parts = new List<string>();
        if (a.Regime != b.Regime || a.Category != b.Category)
            parts.Add($"regime and category {a.Regime} {a.Category.ToScheduleName()} -> {b.Regime} {b.Category.ToScheduleName()}");
        if (a.FromRuleId != b.FromRuleId || a.ToRuleId != b.ToRuleId) parts.Add($"{Into(a)} -> {Into(b)}");
        if (!a.Rules.SequenceEqual(b.Rules)) parts.Add($"rules {Rules(a.Rules)} -> {Rules(b.Rules)}");
        if (a.Confirmed != b.Confirmed) parts.Add($"status {Status(a.Confirmed)} -> {Status(b.Confirmed)}");
        if (parts.Count == 0 && older.Whole != newer.Whole)
            parts.Add($"reached by cargo loaded{LoadingDates.Text(older.Whole.From, older.Whole.To)} -> {LoadingDates.Text(newer.Whole.From, newer.Whole.To).TrimStart()}");
        return parts.Count == 0 ? null : $"{name}: {string.Join("; ", parts)}";
    }

    private static string Into(CapTransition t) => $"{t.FromRuleId ?? "no cap"} -> {t.ToRuleId}";

    private static string Rules(IReadOnlyList<TransitionRule> rules) =>
        "[" + string.Join(" | ", rules.Select(r => r.Confirmed ? r.ToString() : r + " (unconfirmed)")) + "]";

    private static string Status(bool confirmed) => confirmed ? "confirmed" : "unconfirmed";

    private static IEnumerable<DateOnly> Bounds(CapPeriod period)
    {
        yield return period.From;
        if (period.To is { } to) yield return to;
        if (period.KnownUntil is { } until) yield return until;
    }

    private static CapPeriod? Containing(IReadOnlyList<CapPeriod> periods, DateOnly date) => periods.FirstOrDefault(p => p.Contains(date));

    /// <summary>What a result for a cargo loaded on <paramref name="date"/> would show differently, or null.</summary>
    private static string? Difference(string regime, ProductCategory category, CapPeriod? older, CapPeriod? newer, DateOnly date)
    {
        var group = $"{regime} {category.ToScheduleName()}";
        switch (older, newer)
        {
            case (null, null):
                return null;
            case (null, { } added):
                return $"{group}: no cap -> {Cap(added, date)}";
            case ({ } removed, null):
                return $"{group}: {Cap(removed, date)} -> no cap";
        }

        var parts = new List<string>(3);
        if (older.CapUsdPerBbl != newer.CapUsdPerBbl)
            parts.Add($"cap {LoadingDates.Amount(older.CapUsdPerBbl)} -> {LoadingDates.Amount(newer.CapUsdPerBbl)}");
        if (older.ConfirmedOn(date) != newer.ConfirmedOn(date)) parts.Add($"status {StatusOn(older, date)} -> {StatusOn(newer, date)}");
        if (older.RuleId != newer.RuleId)
            return $"{group}: {older.RuleId} -> {newer.RuleId}" + (parts.Count == 0 ? "" : ": " + string.Join("; ", parts));
        return parts.Count == 0 ? null : $"{group} rule {newer.RuleId}: {string.Join("; ", parts)}";
    }

    private static string Cap(CapPeriod period, DateOnly date) =>
        $"cap {LoadingDates.Amount(period.CapUsdPerBbl)} ({period.RuleId}, {StatusOn(period, date)})";

    private static string StatusOn(CapPeriod period, DateOnly date) =>
        !period.Confirmed ? "unconfirmed"
        : period.IsPastReview(date) ? $"unconfirmed: review of {LoadingDates.Format(period.KnownUntil!.Value)} passed"
        : "confirmed";
}
