using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>The /schedule answer: the caps in force on a date, the schedule source's status, and the aged caps as of today.</summary>
public sealed class ScheduleQueryService(ICapScheduleProvider schedules, TimeProvider clock)
{
    /// <summary>Caps in force on <paramref name="asOf"/> (ISO date; today, UTC, when absent).</summary>
    public async Task<ScheduleAnswer> GetScheduleAsync(string? asOf, CancellationToken cancellationToken)
    {
        var date = QueryInput.Date(asOf, "asOf", DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return await GetScheduleAsync(date, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ScheduleAnswer> GetScheduleAsync(DateOnly asOf, CancellationToken cancellationToken)
    {
        var checker = await schedules.GetCurrentAsync(cancellationToken).ConfigureAwait(false);
        var schedule = checker.Schedule;
        var caps = schedule.InForceOn(asOf)
            .Select(c => new CapAnswer(
                c.Regime, c.Category.ToScheduleName(), c.Period?.CapUsdPerBbl, c.Period?.RuleId, c.Period?.From, c.Period?.To,
                c.Period?.KnownUntil, c.Status, c.Period?.Instrument, c.Period?.Source,
                c.Period is null ? null : c.Status == CapInForce.StatusConfirmed, c.Period?.Note))
            .ToList();
        var warnings = schedule.StaleOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Select(s => new ScheduleWarningAnswer(s.Regime, s.Category.ToScheduleName(), s.Period.RuleId, s.ReviewDate, s.Message))
            .ToList();
        return new ScheduleAnswer(asOf, schedule.Version, schedule.Description, caps, schedules.Status, warnings);
    }
}
