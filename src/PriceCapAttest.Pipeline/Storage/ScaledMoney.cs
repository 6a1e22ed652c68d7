using System.Globalization;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// Money in Table Storage (pitfall 3: a decimal property reads back as 0): an Int64 of micro-units (10^-6 USD per
/// barrel, so ranges and comparisons work on the number) plus the exact invariant string, which is what is read
/// back. Prices and caps are rounded to 4 decimals by the Domain, so micro-units never lose a digit; a value with
/// more than 6 decimals is refused rather than rounded.
/// </summary>
public static class ScaledMoney
{
    public const long UnitsPerOne = 1_000_000;

    public static long ToMicros(decimal value)
    {
        var scaled = value * UnitsPerOne;
        if (scaled != decimal.Truncate(scaled))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "More than 6 decimal places cannot be stored exactly as micro-units.");
        }

        return decimal.ToInt64(scaled);
    }

    public static decimal FromMicros(long micros) => micros / (decimal)UnitsPerOne;

    public static string ToInvariantString(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static decimal Parse(string text) =>
        decimal.Parse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    /// <summary>Writes <paramref name="value"/> as <c>{name}</c> (string) and <c>{name}Micros</c> (Int64); null writes nothing.</summary>
    public static void Write(IDictionary<string, object> entity, string name, decimal? value)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (value is not { } v)
        {
            return;
        }

        entity[name] = ToInvariantString(v);
        entity[name + "Micros"] = ToMicros(v);
    }

    /// <summary>Reads what <see cref="Write"/> wrote (from the exact string), or null.</summary>
    public static decimal? Read(IDictionary<string, object> entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        return entity.TryGetValue(name, out var value) && value is string text ? Parse(text) : null;
    }
}
