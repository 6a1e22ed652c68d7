using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>The /schedule answer: the caps in force on a date, with the schedule source's status.</summary>
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
                c.Period?.Instrument, c.Period?.Source, c.Period?.Confirmed, c.Period?.Note))
            .ToList();
        return new ScheduleAnswer(asOf, schedule.Version, schedule.Description, caps, schedules.Status);
    }
}
