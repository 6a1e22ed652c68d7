using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Output;

/// <summary>
/// One element of <c>pricecap schedule diff --format json</c>: kind in camelCase, category as the schedule spells
/// it, null for "any" (regime, category, product) and for an unbounded end of the loading dates.
/// </summary>
public sealed record ScheduleDiffEntry(
    string Kind,
    string Subject,
    string? Regime,
    string? Category,
    string? Product,
    DateOnly? From,
    DateOnly? To,
    string Description)
{
    public static ScheduleDiffEntry Of(ScheduleChange change) => new(
        char.ToLowerInvariant(change.Kind.ToString()[0]) + change.Kind.ToString()[1..],
        change.Subject,
        change.Regime,
        change.Category?.ToScheduleName(),
        change.Product,
        change.From == DateOnly.MinValue ? null : change.From,
        change.To == DateOnly.MaxValue ? null : change.To,
        change.Description);

    /// <summary>The loading dates for people: "any", "from 2026-02-01", "until 2026-01-31" or "2026-02-01 to 2026-07-14".</summary>
    public string LoadingDates => (From, To) switch
    {
        (null, null) => "any",
        ({ } from, null) => "from " + Formatting.Date(from),
        (null, { } to) => "until " + Formatting.Date(to),
        _ => $"{Formatting.Date(From)} to {Formatting.Date(To)}",
    };
}
