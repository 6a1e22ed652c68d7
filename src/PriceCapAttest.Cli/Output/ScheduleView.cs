using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Output;

/// <summary>The JSON shape of <c>pricecap schedule --format json</c>: the caps in force on a loading date.</summary>
public sealed record ScheduleView(string ScheduleVersion, DateOnly AsOf, IReadOnlyList<ScheduleViewEntry> Caps)
{
    public static ScheduleView Of(CapSchedule schedule, DateOnly asOf) => new(
        schedule.Version,
        asOf,
        [.. schedule.InForceOn(asOf).Select(ScheduleViewEntry.Of)]);
}

/// <summary>One regime and category; every field but regime and category is null when no cap is in force.</summary>
public sealed record ScheduleViewEntry(
    string Regime,
    string Category,
    string? RuleId,
    decimal? CapUsdPerBbl,
    DateOnly? From,
    DateOnly? To,
    string? Instrument,
    string? Source,
    bool? Confirmed,
    string? Note)
{
    public static ScheduleViewEntry Of(CapInForce cap) => new(
        cap.Regime,
        cap.Category.ToScheduleName(),
        cap.Period?.RuleId,
        cap.Period?.CapUsdPerBbl,
        cap.Period?.From,
        cap.Period?.To,
        cap.Period?.Instrument,
        cap.Period?.Source,
        cap.Period?.Confirmed,
        cap.Period?.Note);
}
