using System.Globalization;

namespace PriceCapAttest.Domain.Schedule;

// Inclusive ranges of loading dates as ScheduleChange gives them (MinValue / MaxValue: unbounded).
internal static class LoadingDates
{
    public static DateOnly DayBefore(DateOnly date) => date == DateOnly.MinValue ? date : date.AddDays(-1);

    public static DateOnly DayAfter(DateOnly date) => date == DateOnly.MaxValue ? date : date.AddDays(1);

    public static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    public static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>" from 2026-02-01", " until 2026-01-31", " from 2026-07-15 to 2027-01-14", or "" for all dates.</summary>
    public static string Text(DateOnly from, DateOnly to) => (from == DateOnly.MinValue, to == DateOnly.MaxValue) switch
    {
        (true, true) => "",
        (false, true) => " from " + Format(from),
        (true, false) => " until " + Format(to),
        _ => $" from {Format(from)} to {Format(to)}",
    };

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    /// <summary>
    /// Splits [from, to] at <paramref name="bounds"/> (each the first day of a new piece) and reports the maximal runs
    /// of days with the same non-null text: <paramref name="textOn"/> is evaluated on the first day of each piece.
    /// </summary>
    public static void Runs(IEnumerable<DateOnly> bounds, DateOnly from, DateOnly to, Func<DateOnly, string?> textOn,
        Action<DateOnly, DateOnly, string> emit)
    {
        var starts = new SortedSet<DateOnly>(bounds.Where(b => b > from && b <= to)) { from };
        (DateOnly From, DateOnly To, string Text)? run = null;
        using var next = starts.GetEnumerator();
        var hasNext = next.MoveNext();
        while (hasNext)
        {
            var start = next.Current;
            hasNext = next.MoveNext();
            var end = hasNext ? DayBefore(next.Current) : to;
            var text = textOn(start);
            if (run is { } open && text == open.Text)
            {
                run = open with { To = end };
                continue;
            }

            if (run is { } done) emit(done.From, done.To, done.Text);
            run = text is null ? null : (start, end, text);
        }

        if (run is { } last) emit(last.From, last.To, last.Text);
    }
}
