using System.Collections.Frozen;
using System.Text.RegularExpressions;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Validation;

/// <summary>The named predicates of the format's codes and identifiers.</summary>
public static partial class Codes
{
    /// <summary>The UN/LOCODE country part for places in international waters.</summary>
    private const string InternationalWaters = "XZ";

    private const int MaxHsDigits = 10;

    public static bool IsUpperAlpha2(string? value) => value is { Length: 2 } && !value.AsSpan().ContainsAnyExceptInRange('A', 'Z');

    public static bool IsUpperAlpha3(string? value) => value is { Length: 3 } && !value.AsSpan().ContainsAnyExceptInRange('A', 'Z');

    /// <summary>1-64 characters of A-Z a-z 0-9 . _ -</summary>
    public static bool IsAttestationId(string? value) => value is not null && AttestationIdPattern().IsMatch(value);

    /// <summary>"1.0", "1.1", ...: version 1 of the format, any minor version.</summary>
    public static bool IsSupportedSchemaVersion(string? value) =>
        value is not null && SchemaVersionPattern().IsMatch(value);

    /// <summary>Two capital letters and three of A-Z or 2-9.</summary>
    public static bool IsUnLocode(string? value) => value is not null && UnLocodePattern().IsMatch(value);

    public static bool HasLocodeCountry(string? value) =>
        value is { Length: >= 2 } && (IsoCountries.IsAssigned(value[..2]) || value[..2] == InternationalWaters);

    /// <summary>The HS code without its dots and spaces, or null when it holds anything else or not 4-10 digits.</summary>
    public static string? HsDigits(string? hsCode)
    {
        Span<char> digits = stackalloc char[MaxHsDigits];
        return TryGetHsDigits(hsCode, digits, out var count) ? new string(digits[..count]) : null;
    }

    public static bool IsWellFormedHsCode(string? hsCode) => TryGetHsDigits(hsCode, stackalloc char[MaxHsDigits], out _);

    /// <summary>True when the HS heading (first four digits) is one the product must be declared under.</summary>
    public static bool HsCodeAgreesWithProduct(string? product, string? hsCode)
    {
        Span<char> digits = stackalloc char[MaxHsDigits];
        if (product is null
            || !Vocabulary.HsHeadingsByProduct.TryGetValue(product, out var headings)
            || !TryGetHsDigits(hsCode, digits, out _))
            return true;
        foreach (var heading in headings)
        {
            if (digits[..4].SequenceEqual(heading))
                return true;
        }
        return false;
    }

    /// <summary>Writes the digits of the HS code without its dots and spaces; false when it holds anything else or not 4-10 digits.</summary>
    private static bool TryGetHsDigits(string? hsCode, Span<char> digits, out int count)
    {
        count = 0;
        if (hsCode is null)
            return false;
        foreach (var c in hsCode)
        {
            if (c is '.' or ' ')
                continue;
            if (!char.IsAsciiDigit(c) || count == digits.Length)
                return false;
            digits[count++] = c;
        }
        return count >= 4;
    }

    public static string List(FrozenSet<string> values) => string.Join(", ", values.Order(StringComparer.Ordinal));

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex AttestationIdPattern();

    [GeneratedRegex("^1\\.[0-9]+\\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaVersionPattern();

    [GeneratedRegex("^[A-Z]{2}[A-Z2-9]{3}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UnLocodePattern();
}
