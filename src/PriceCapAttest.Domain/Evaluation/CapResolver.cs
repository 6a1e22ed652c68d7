using System.Collections.Frozen;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// Finds the cap of one regime and category for a cargo ("The project's reading" in the README). Walking the
/// changes of cap in order: a change without rules applies from its date by loading date; a change with rules
/// keeps the old cap when the cargo meets one rule, otherwise the new cap applies, also to cargo loaded before.
/// When a rule cannot be decided for want of discharge details, or only a rule no source confirmed is met, both
/// outcomes are returned, newest first.
/// </summary>
public sealed class CapResolver(CapSchedule schedule)
{
    // The changes of cap depend on the schedule alone: worked out once per regime and category, not per cargo.
    private readonly FrozenDictionary<(string Regime, ProductCategory Category), (DateOnly Date, CapPeriod? Target)[]> _changes =
        schedule.Regimes
            .SelectMany(regime => CapSchedule.CappedCategories.Select(category => (regime.Code, category)))
            .ToFrozenDictionary(key => key, key => ChangesOf(schedule.PeriodsOf(key.Code, key.category)));

    /// <returns>One candidate when the cap is certain; several (the no-rule-met outcome first) when it is not.</returns>
    public IReadOnlyList<CapCandidate> Resolve(string regime, ProductCategory category, CargoDates cargo)
    {
        var changes = _changes.GetValueOrDefault((regime, category)) ?? ChangesOf(schedule.PeriodsOf(regime, category));
        return Walk(changes, 0, new CapCandidate(null, null), cargo);
    }

    private List<CapCandidate> Walk((DateOnly Date, CapPeriod? Target)[] changes, int index, CapCandidate current, CargoDates cargo)
    {
        if (index == changes.Length) return [current];
        var (date, target) = changes[index];
        var transition = target is null ? null : schedule.TransitionInto(target.RuleId);
        var next = new CapCandidate(target, null);

        if (transition is null)
            return cargo.LoadingDate >= date ? Walk(changes, index + 1, next, cargo) : [current];

        var held = current with { HeldBy = transition };
        return MatchAny(transition.Rules, cargo) switch
        {
            ConditionMatch.Yes => [held],
            ConditionMatch.No => Walk(changes, index + 1, next, cargo),
            ConditionMatch.Unconfirmed => [.. Walk(changes, index + 1, next, cargo), held with { RuleUnconfirmed = true }],
            _ => [.. Walk(changes, index + 1, next, cargo), held],
        };
    }

    // Each period starts a change into it; a period that ends without a successor ends in "no cap".
    private static (DateOnly Date, CapPeriod? Target)[] ChangesOf(IReadOnlyList<CapPeriod> periods)
    {
        var changes = new List<(DateOnly, CapPeriod?)>(periods.Count + 1);
        for (var i = 0; i < periods.Count; i++)
        {
            changes.Add((periods[i].From, periods[i]));
            var end = periods[i].To;
            var successorStartsThen = i + 1 < periods.Count && periods[i + 1].From == end;
            if (end is { } to && !successorStartsThen) changes.Add((to, null));
        }

        return [.. changes];
    }

    private static ConditionMatch MatchAny(IReadOnlyList<TransitionRule> rules, CargoDates cargo)
    {
        var result = ConditionMatch.No;
        for (var i = 0; i < rules.Count; i++)
        {
            var match = MatchRule(rules[i], cargo);
            if (match == ConditionMatch.Yes && !rules[i].Confirmed) match = ConditionMatch.Unconfirmed;
            if (match == ConditionMatch.Yes) return ConditionMatch.Yes;
            if (match == ConditionMatch.Unknown || (match == ConditionMatch.Unconfirmed && result == ConditionMatch.No)) result = match;
        }

        return result;
    }

    private static ConditionMatch MatchRule(TransitionRule rule, CargoDates cargo)
    {
        if (rule.ContractBefore is { } contractBefore && cargo.ContractDate >= contractBefore) return ConditionMatch.No;
        if (rule.LoadedBefore is { } loadedBefore && cargo.LoadingDate >= loadedBefore) return ConditionMatch.No;

        var byDate = rule.DischargedBy is { } dischargedBy ? cargo.DischargedBy(dischargedBy) : ConditionMatch.Yes;
        var inCountry = rule.DischargedIn is { } country ? cargo.DischargedIn([country]) : ConditionMatch.Yes;
        if (byDate == ConditionMatch.No || inCountry == ConditionMatch.No) return ConditionMatch.No;
        var unknown = byDate == ConditionMatch.Unknown || inCountry == ConditionMatch.Unknown;
        return unknown ? ConditionMatch.Unknown : ConditionMatch.Yes;
    }
}
