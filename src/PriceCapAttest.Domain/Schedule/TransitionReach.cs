namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// The loading dates at which a transition can decide a cargo's cap, as <c>CapResolver</c> walks the changes of cap:
/// every cargo reaches it that an earlier change decided by loading date alone did not stop (<see cref="Gate"/>,
/// the latest such change), so a cargo loaded before the new period that meets no rule gets the new cap; a cargo
/// meets a rule only when loaded by <see cref="RuleBound"/> (discharge is never before loading, so "discharged by"
/// bounds the loading date too).
/// </summary>
internal sealed record TransitionReach(CapTransition Transition, CapPeriod Target, DateOnly Gate, DateOnly RuleBound)
{
    /// <summary>The dates at which a rule can keep the older cap (<see cref="CapTransition.FromRuleId"/>).</summary>
    public (DateOnly From, DateOnly To)? Held => Gate <= RuleBound ? (Gate, RuleBound) : null;

    /// <summary>The dates before the target period at which a cargo meeting no rule gets the target's cap.</summary>
    public (DateOnly From, DateOnly To)? Early => Gate < Target.From ? (Gate, LoadingDates.DayBefore(Target.From)) : null;

    /// <summary>Every date at which the transition can make a difference.</summary>
    public (DateOnly From, DateOnly To) Whole => (Gate, LoadingDates.Max(RuleBound, LoadingDates.DayBefore(Target.From)));

    public static List<TransitionReach> Of(CapSchedule schedule)
    {
        var result = new List<TransitionReach>();
        foreach (var regime in schedule.Regimes)
        {
            foreach (var category in CapSchedule.CappedCategories)
            {
                var periods = schedule.PeriodsOf(regime.Code, category);
                var gate = DateOnly.MinValue;
                for (var i = 0; i < periods.Count; i++)
                {
                    var period = periods[i];
                    if (schedule.TransitionInto(period.RuleId) is { } transition)
                        result.Add(new TransitionReach(transition, period, gate, BoundOf(transition)));
                    else
                        gate = period.From;
                    // A period that ends without a successor ends in "no cap", a change by loading date.
                    if (period.To is { } to && !(i + 1 < periods.Count && periods[i + 1].From == to)) gate = to;
                }
            }
        }

        return result;
    }

    private static DateOnly BoundOf(CapTransition transition)
    {
        var latest = DateOnly.MinValue;
        foreach (var rule in transition.Rules)
        {
            var bound = DateOnly.MaxValue;
            if (rule.LoadedBefore is { } before) bound = LoadingDates.DayBefore(before);
            if (rule.DischargedBy is { } by) bound = LoadingDates.Min(bound, by);
            latest = LoadingDates.Max(latest, bound);
        }

        return latest;
    }
}
