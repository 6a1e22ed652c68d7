using System.Globalization;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Reading;

/// <summary>The errors a reader reports, with the wording both readers share.</summary>
internal static class ReadIssues
{
    /// <summary>The JSON path of the file as a whole.</summary>
    public const string FilePath = "$";

    public const string ExpectString = "a string";
    public const string ExpectNumber = "a number (for example 42.10)";
    public const string ExpectInteger = "a whole number (for example 1)";
    public const string ExpectBoolean = "true or false";
    public const string ExpectDate = "a date written yyyy-MM-dd (for example 2026-03-02)";
    public const string ExpectInstant = "an ISO 8601 instant with seconds and an offset (for example 2026-03-01T09:00:00Z)";
    public const string ExpectObject = "an object";
    public const string ExpectArray = "an array of objects";

    private const int MaxQuotedLength = 40;

    public static ValidationIssue WrongType(string path, string expected, string found) =>
        new(path, ErrorCodes.WrongType, $"Expected {expected}, found {found}.");

    public static ValidationIssue InvalidFormat(string path, string expected, string text) =>
        new(path, ErrorCodes.InvalidFormat, $"Expected {expected}, found {Quote(text)}.");

    public static ValidationIssue NumberOutOfRange(string path, ReadOnlySpan<char> text) =>
        new(path, ErrorCodes.OutOfRange,
            $"The number {Quote(text)} is out of range: numbers must lie within +/-79228162514264337593543950335.");

    public static ValidationIssue File(string code, string message) => new(FilePath, code, message);

    /// <summary>
    /// InvalidEncoding naming the encoding when the content starts with a UTF-16 or UTF-32 byte order mark (files
    /// saved as "Unicode" by spreadsheet programs), else null.
    /// </summary>
    public static ValidationIssue? ForeignByteOrderMark(ReadOnlySpan<byte> start)
    {
        var encoding = start switch
        {
            [0xFF, 0xFE, 0x00, 0x00, ..] => "UTF-32 (little endian)",
            [0x00, 0x00, 0xFE, 0xFF, ..] => "UTF-32 (big endian)",
            [0xFF, 0xFE, ..] => "UTF-16 (little endian)",
            [0xFE, 0xFF, ..] => "UTF-16 (big endian)",
            _ => null,
        };
        return encoding is null
            ? null
            : File(ErrorCodes.InvalidEncoding, $"The file is encoded as {encoding} (it starts with that byte order mark); save it as UTF-8.");
    }

    public static ValidationIssue FileTooLarge(ReaderLimits limits) =>
        File(ErrorCodes.FileTooLarge, string.Create(CultureInfo.InvariantCulture,
            $"The file is larger than the limit of {limits.MaxBytes} bytes."));

    /// <summary>A short quoted rendering of the text found, for messages.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= MaxQuotedLength ? $"\"{text}\"" : $"\"{text[..MaxQuotedLength]}...\"";
}

/// <summary>Collects the read errors of one attestation; allocates only when there is one.</summary>
internal sealed class ReadErrors
{
    private List<ValidationIssue>? _issues;

    public void Add(ValidationIssue issue) => (_issues ??= []).Add(issue);

    public IReadOnlyList<ValidationIssue> ToList() => _issues is null ? [] : _issues.ToArray();
}
