using System.Globalization;

namespace PriceCapAttest.Cli.Output;

/// <summary>Invariant-culture formatting of amounts and dates for people (JSON output keeps the exact values).</summary>
public static class Formatting
{
    /// <summary>USD per barrel with at least 2 and at most 4 decimals: 44.10, 47.1234.</summary>
    public static string Usd(decimal? value) =>
        value is { } v ? v.ToString("0.00##", CultureInfo.InvariantCulture) : "-";

    public static string Date(DateOnly? value) =>
        value is { } d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "-";
}
