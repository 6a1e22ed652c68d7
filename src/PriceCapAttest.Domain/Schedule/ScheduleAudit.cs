using System.Globalization;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// The operator's checklist over a valid schedule (docs/cap-rules.md, "Auditing a schedule"): every unconfirmed,
/// stale or unsourced entry, gaps between periods, and changes of cap without transition rules. A schedule the
/// loader refuses never gets this far: its problems are the refusal's.
/// </summary>
public static class ScheduleAudit
{
    public static IReadOnlyList<AuditFinding> Review(CapSchedule schedule, DateOnly today)
    {
        var findings = new List<AuditFinding>();
        foreach (var stale in schedule.StaleOn(today))
            findings.Add(new AuditFinding(AuditKind.Stale, stale.Period.RuleId, stale.Message));

        foreach (var period in schedule.Periods)
        {
            if (!period.Confirmed)
                findings.Add(new AuditFinding(AuditKind.Unconfirmed, period.RuleId, Why(period.Source, period.Note)));
        }

        foreach (var regime in schedule.Regimes)
        {
            foreach (var category in CapSchedule.CappedCategories)
                ReviewChanges(schedule, schedule.PeriodsOf(regime.Code, category), findings);
        }

        foreach (var transition in schedule.Transitions)
        {
            if (!transition.Confirmed)
                findings.Add(new AuditFinding(AuditKind.Unconfirmed, transition.Id, Why(transition.Source, transition.Note)));
            if (string.IsNullOrWhiteSpace(transition.Instrument))
                findings.Add(new AuditFinding(AuditKind.Unsourced, transition.Id, "the transition names no instrument"));
        }

        foreach (var licence in schedule.Licences)
        {
            if (!licence.Confirmed)
                findings.Add(new AuditFinding(AuditKind.Unconfirmed, licence.Id, Why(licence.Source, licence.Note)));
        }

        foreach (var factor in schedule.ConversionFactors)
        {
            var entry = $"conversion factor {factor.Product}";
            if (string.IsNullOrWhiteSpace(factor.Source))
                findings.Add(new AuditFinding(AuditKind.Unsourced, entry, "no source for the standard factor"));
            else if (!factor.Confirmed)
                findings.Add(new AuditFinding(AuditKind.Unconfirmed, entry, Why(factor.Source, factor.Note)));
        }

        return findings;
    }

    private static void ReviewChanges(CapSchedule schedule, IReadOnlyList<CapPeriod> periods, List<AuditFinding> findings)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            var period = periods[i];
            if (i > 0 && periods[i - 1].To is { } end && end < period.From)
            {
                findings.Add(new AuditFinding(AuditKind.Gap, period.RuleId, string.Create(CultureInfo.InvariantCulture,
                    $"no {period.Regime} cap covers cargo loaded from {end:yyyy-MM-dd} to {period.From.AddDays(-1):yyyy-MM-dd} (between {periods[i - 1].RuleId} and {period.RuleId})")));
            }

            var sameCap = i > 0 && periods[i - 1].To == period.From && periods[i - 1].CapUsdPerBbl == period.CapUsdPerBbl;
            if (schedule.TransitionInto(period.RuleId) is null && !sameCap)
            {
                var from = i > 0 && periods[i - 1].To == period.From ? $"from {periods[i - 1].CapUsdPerBbl.ToString("0.00", CultureInfo.InvariantCulture)} " : "from no cap ";
                findings.Add(new AuditFinding(AuditKind.NoTransitionRules, period.RuleId, string.Create(CultureInfo.InvariantCulture,
                    $"the change {from}to {period.CapUsdPerBbl:0.00} on {period.From:yyyy-MM-dd} has no transition rules: the cap is chosen by loading date alone")));
            }
        }
    }

    private static string Why(string source, string? note) => note is null ? source : $"{source} ({note})";
}
