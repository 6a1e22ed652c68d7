using System.Globalization;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// What a new schedule can affect: the differences from each schedule stored verdicts may have been reached with,
/// each a range of regime, category, product and loading dates. A change of regime scope (export scope) can engage
/// a regime a cargo did not engage before, so it is matched on dates alone, like a country-list change.
/// </summary>
public sealed record RescreenScope(IReadOnlyList<ScheduleChange> Changes)
{
    public static RescreenScope Everything { get; } = new([new ScheduleChange(
        ScheduleChangeKind.Regime, "*", null, null, null, DateOnly.MinValue, DateOnly.MaxValue,
        "no earlier schedule to compare with: every stored attestation is examined")]);

    public bool IsEmpty => Changes.Count == 0;

    public bool Covers(ScreeningEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Covers(entry.Regimes, entry.Product, entry.LoadingDate);
    }

    public bool Covers(AttestationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.Facts.LoadingDate is { } date && Covers([.. version.Result.Regimes.Select(r => r.Regime)], version.Facts.Product, date);
    }

    /// <summary>The months (yyyyMM) among <paramref name="months"/> that some change's loading dates overlap.</summary>
    public IReadOnlyList<string> MonthsAmong(IEnumerable<string> months) =>
        [.. months.Where(m => Changes.Any(c => Overlaps(c, m))).Order(StringComparer.Ordinal)];

    private bool Covers(IReadOnlyCollection<string> regimes, string? product, DateOnly loadingDate) =>
        Changes.Any(c => loadingDate >= c.From && loadingDate <= c.To
            && (c.Category is null || (product is not null && ProductCategories.Of(product) == c.Category))
            && (c.Product is null || string.Equals(c.Product, product, StringComparison.Ordinal))
            && (c.Regime is null || c.Kind == ScheduleChangeKind.ExportScope || regimes.Contains(c.Regime)));

    private static bool Overlaps(ScheduleChange change, string month)
    {
        if (!DateOnly.TryParseExact(month + "01", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            return false;
        }

        var last = first.AddMonths(1).AddDays(-1);
        return change.From <= last && change.To >= first;
    }
}
