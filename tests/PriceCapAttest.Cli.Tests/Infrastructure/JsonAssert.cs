using System.Globalization;
using System.Text.Json;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>Compares JSON documents structurally; numbers are compared as decimals (46.00 equals 46.0).</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string actual)
    {
        using var e = JsonDocument.Parse(expected);
        using var a = JsonDocument.Parse(actual);
        var difference = Difference(e.RootElement, a.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nactual:\n{actual}");
    }

    private static string? Difference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind)
            return $"{path}: expected {expected.ValueKind} {expected.GetRawText()}, got {actual.ValueKind} {actual.GetRawText()}";
        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var names = expected.EnumerateObject().Select(p => p.Name).ToList();
                var actualNames = actual.EnumerateObject().Select(p => p.Name).ToList();
                if (!names.Order(StringComparer.Ordinal).SequenceEqual(actualNames.Order(StringComparer.Ordinal)))
                    return $"{path}: expected properties [{string.Join(", ", names)}], got [{string.Join(", ", actualNames)}]";
                foreach (var name in names)
                {
                    if (Difference(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}") is { } d) return d;
                }

                return null;
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                    return $"{path}: expected {expected.GetArrayLength()} items, got {actual.GetArrayLength()}";
                var i = 0;
                foreach (var (x, y) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    if (Difference(x, y, $"{path}[{i++}]") is { } d) return d;
                }

                return null;
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal()
                    ? null
                    : $"{path}: expected {expected.GetDecimal().ToString(CultureInfo.InvariantCulture)}, got {actual.GetDecimal().ToString(CultureInfo.InvariantCulture)}";
            default:
                return expected.GetRawText() == actual.GetRawText() ? null : $"{path}: expected {expected.GetRawText()}, got {actual.GetRawText()}";
        }
    }
}
