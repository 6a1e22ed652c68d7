namespace PriceCapAttest.Contracts;

/// <summary>
/// The caps in force on a date, where the schedule comes from, and a warning per regime and category whose
/// scheduled review has passed (today) without a later period.
/// </summary>
public sealed record ScheduleAnswer(
    DateOnly AsOf,
    string ScheduleVersion,
    string? Description,
    IReadOnlyList<CapAnswer> Caps,
    ScheduleStatus Status,
    IReadOnlyList<ScheduleWarningAnswer> Warnings);

/// <summary>A cap past its scheduled review with no later period: cargo loaded from the review date meets an unconfirmed cap.</summary>
public sealed record ScheduleWarningAnswer(string Regime, string Category, string RuleId, DateOnly ReviewDate, string Message);

/// <summary>
/// The cap of one regime and category on the date; null cap fields when none is in force. The validity is the
/// half-open interval [from, to) of loading dates (to null: still in force); knownUntil is the scheduled review it
/// is known to hold until; status is confirmed, unconfirmed or pastReview (docs/cap-rules.md).
/// </summary>
public sealed record CapAnswer(
    string Regime,
    string Category,
    decimal? CapUsdPerBbl,
    string? RuleId,
    DateOnly? From,
    DateOnly? To,
    DateOnly? KnownUntil,
    string? Status,
    string? Instrument,
    string? Source,
    bool? Confirmed,
    string? Note);
