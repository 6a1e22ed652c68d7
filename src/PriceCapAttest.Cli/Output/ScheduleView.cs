using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Output;

/// <summary>
/// The JSON shape of <c>pricecap schedule --format json</c>: the caps in force on a loading date, the licences
/// open on it, and a warning per regime and category whose scheduled review has passed (as of today) without a
/// later period.
/// </summary>
public sealed record ScheduleView(
    string ScheduleVersion,
    DateOnly AsOf,
    DateOnly Today,
    IReadOnlyList<ScheduleViewEntry> Caps,
    IReadOnlyList<ScheduleViewLicence> Licences,
    IReadOnlyList<ScheduleWarning> Warnings)
{
    public static ScheduleView Of(CapSchedule schedule, DateOnly asOf, DateOnly today) => new(
        schedule.Version,
        asOf,
        today,
        [.. schedule.InForceOn(asOf).Select(ScheduleViewEntry.Of)],
        [.. schedule.LicencesOpenOn(asOf).Select(ScheduleViewLicence.Of)],
        [.. schedule.StaleOn(today).Select(ScheduleWarning.Of)]);
}

/// <summary>One regime and category; every field but regime and category is null when no cap is in force.</summary>
public sealed record ScheduleViewEntry(
    string Regime,
    string Category,
    string? RuleId,
    decimal? CapUsdPerBbl,
    DateOnly? From,
    DateOnly? To,
    DateOnly? KnownUntil,
    string? Status,
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
        cap.Period?.KnownUntil,
        cap.Status,
        cap.Period?.Instrument,
        cap.Period?.Source,
        cap.Period is null ? null : cap.Status == CapInForce.StatusConfirmed,
        cap.Period?.Note);
}

/// <summary>A licence open on the date: its id, regime, kind, window, whether it must be claimed, and its source.</summary>
public sealed record ScheduleViewLicence(
    string Id, string Regime, string Kind, DateOnly? LoadedFrom, DateOnly? LoadedBefore, bool ClaimRequired, bool Confirmed,
    string Instrument, string Source)
{
    public static ScheduleViewLicence Of(Licence l) =>
        new(l.Id, l.Regime, l.Kind, l.LoadedFrom, l.LoadedBefore, l.ClaimRequired, l.Confirmed, l.Instrument, l.Source);
}

/// <summary>A regime and category whose cap has passed its scheduled review with no later period.</summary>
public sealed record ScheduleWarning(string Regime, string Category, string RuleId, DateOnly ReviewDate, string Message)
{
    public static ScheduleWarning Of(StaleCap stale) =>
        new(stale.Regime, stale.Category.ToScheduleName(), stale.Period.RuleId, stale.ReviewDate, stale.Message);
}
