using System.Globalization;

namespace PriceCapAttest.Domain.Reading;

/// <summary>The outcome of parsing one value: parsed, not of the expected kind, or of the kind but out of range.</summary>
public enum FieldParseStatus
{
    Ok,
    WrongType,
    InvalidFormat,
    OutOfRange,
}

/// <summary>
/// Text-to-value rules shared by the JSON and CSV readers, so that both read a value alike: invariant culture,
/// numbers in JSON number syntax as <see cref="decimal"/> (no NaN, Infinity, thousands separators or leading '+'),
/// dates as <c>yyyy-MM-dd</c>, instants as ISO 8601 with seconds and an offset or <c>Z</c>.
/// </summary>
public static class FieldParsers
{
    private const NumberStyles NumberStyle =
        NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static readonly string[] InstantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>A number in JSON syntax (e.g. <c>42.10</c>, <c>-3</c>, <c>1.5e3</c>) that fits a decimal.</summary>
    public static FieldParseStatus ParseDecimal(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0;
        if (!IsJsonNumber(text))
            return FieldParseStatus.WrongType;
        return decimal.TryParse(text, NumberStyle, CultureInfo.InvariantCulture, out value)
            ? FieldParseStatus.Ok
            : FieldParseStatus.OutOfRange;
    }

    /// <summary>A whole number in JSON syntax (no fraction or exponent) that fits an <see cref="int"/>.</summary>
    public static FieldParseStatus ParseInteger(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (!IsJsonNumber(text) || text.ContainsAny('.', 'e', 'E'))
            return FieldParseStatus.WrongType;
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? FieldParseStatus.Ok
            : FieldParseStatus.OutOfRange;
    }

    /// <summary>An ISO date <c>yyyy-MM-dd</c> (a real calendar date).</summary>
    public static bool TryParseDate(ReadOnlySpan<char> text, out DateOnly value) =>
        TryParsePlainDate(text, out value)
        || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>
    /// An ISO 8601 instant: <c>yyyy-MM-ddTHH:mm:ss</c>, optional fraction of a second, then <c>Z</c> or an offset
    /// <c>+hh:mm</c>/<c>-hh:mm</c>. A time without an offset is not an instant and is refused.
    /// </summary>
    public static bool TryParseInstant(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.IsEmpty)
            return false;
        if (TryParsePlainUtcInstant(text, out value))
            return true;
        return text[^1] == 'Z'
            ? DateTimeOffset.TryParseExact(text, InstantFormats[0], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out value)
            : DateTimeOffset.TryParseExact(text, InstantFormats[1], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out value);
    }

    /// <summary><c>true</c> or <c>false</c>, case-insensitive (spreadsheets write TRUE and FALSE).</summary>
    public static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        value = text.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    // The plain forms nearly every document uses (2026-03-02, 2026-03-01T09:00:00Z) are read digit by digit; the
    // parsers of the framework, several times slower, decide every other text, so what is accepted stays theirs.

    /// <summary>True for a valid date written exactly yyyy-MM-dd; false leaves the text to DateOnly.TryParseExact.</summary>
    private static bool TryParsePlainDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        value = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !TryDigits(text[..4], out var year) || !TryDigits(text.Slice(5, 2), out var month) || !TryDigits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return false;
        value = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>True for a valid instant written exactly yyyy-MM-ddTHH:mm:ssZ; false leaves the text to the exact formats.</summary>
    private static bool TryParsePlainUtcInstant(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z'
            || !TryParsePlainDate(text[..10], out var date)
            || !TryDigits(text.Slice(11, 2), out var hour) || !TryDigits(text.Slice(14, 2), out var minute) || !TryDigits(text.Slice(17, 2), out var second)
            || hour > 23 || minute > 59 || second > 59)
            return false;
        value = new DateTimeOffset(date.Year, date.Month, date.Day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    /// <summary>JSON number grammar: <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-')
            i++;
        if (i >= text.Length || !char.IsAsciiDigit(text[i]))
            return false;
        if (text[i] == '0')
            i++;
        else
            i = SkipDigits(text, i);
        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start)
                return false;
        }
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                i++;
            var start = i;
            i = SkipDigits(text, i);
            if (i == start)
                return false;
        }
        return i == text.Length;
    }

    private static int SkipDigits(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i]))
            i++;
        return i;
    }
}
