namespace PriceCapAttest.Domain.Documents;

/// <summary>
/// An IMO ship identification number: seven digits, the last a check digit
/// ((d1x7 + d2x6 + d3x5 + d4x4 + d5x3 + d6x2) mod 10 = d7; docs/attestation-format.md).
/// Written bare ("9074729") or with the prefix ("IMO 9074729", "IMO9074729", any case); stored as the seven digits.
/// </summary>
public sealed record ImoNumber
{
    private const int Length = 7;

    private ImoNumber(string value) => Value = value;

    /// <summary>The seven digits, without the "IMO" prefix.</summary>
    public string Value { get; }

    /// <summary>True when <paramref name="text"/> is seven digits with a valid check digit (prefix allowed).</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ImoNumber? imo)
    {
        imo = null;
        if (!TryGetDigits(text, out var digits) || !HasValidCheckDigit(digits))
            return false;
        imo = new ImoNumber(digits.ToString());
        return true;
    }

    /// <summary>Parses <paramref name="text"/> or throws <see cref="FormatException"/>.</summary>
    public static ImoNumber Parse(string text) =>
        TryParse(text, out var imo) ? imo : throw new FormatException($"'{text}' is not a valid IMO number.");

    /// <summary>True when <paramref name="text"/> has the shape of an IMO number (seven digits, prefix allowed),
    /// whatever its check digit.</summary>
    public static bool IsWellFormed(string? text) => TryGetDigits(text, out _);

    /// <summary>The check digit the first six digits call for, or null when the text is not well formed.</summary>
    public static int? ExpectedCheckDigit(string? text) =>
        TryGetDigits(text, out var digits) ? CheckDigitOf(digits) : null;

    public override string ToString() => Value;

    private static bool TryGetDigits(string? text, out ReadOnlySpan<char> digits)
    {
        digits = default;
        if (text is null)
            return false;
        var span = text.AsSpan().Trim();
        if (span.StartsWith("IMO", StringComparison.OrdinalIgnoreCase))
            span = span[3..].TrimStart(' ');
        if (span.Length != Length)
            return false;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        digits = span;
        return true;
    }

    private static int CheckDigitOf(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < Length - 1; i++)
            sum += (digits[i] - '0') * (Length - i);
        return sum % 10;
    }

    private static bool HasValidCheckDigit(ReadOnlySpan<char> digits) => CheckDigitOf(digits) == digits[Length - 1] - '0';
}
