using System.Net.Http.Headers;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// What a shipper's upload must be before anything is stored (docs/parties.md): a plain file name of letters, digits,
/// '.', '_' and '-' ending in .json or .csv, and a content type that agrees with the extension.
/// </summary>
public static class UploadRules
{
    public const int MaxNameLength = 200;

    public const string JsonContentType = "application/json";
    public const string CsvContentType = "text/csv";

    /// <summary>The shipper id must be an id (QueryInput.Id) and a single path segment.</summary>
    public static UploadRefusal? CheckShipper(string? shipperId)
    {
        try
        {
            QueryInput.Id(shipperId, "shipperId");
        }
        catch (InvalidQueryException e)
        {
            return new UploadRefusal(e.Field, e.Message);
        }

        return shipperId!.Contains('/', StringComparison.Ordinal) || shipperId.Contains('\\', StringComparison.Ordinal) || shipperId is "." or ".."
            ? new UploadRefusal("shipperId", "'shipperId' must be a single path segment (no '/' or '\\', not '.' or '..').")
            : null;
    }

    /// <summary>The document's format by its name, or a refusal.</summary>
    public static (DocumentFormat? Format, UploadRefusal? Refusal) CheckName(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return Refuse("name", "The document needs a name, e.g. cargo-2026-06.json.");
        }

        if (name.Length > MaxNameLength)
        {
            return Refuse("name", $"The name is {name.Length} characters long; at most {MaxNameLength} are accepted.");
        }

        if (name.Contains('/', StringComparison.Ordinal) || name.Contains('\\', StringComparison.Ordinal) ||
            name.Contains("..", StringComparison.Ordinal) || name.StartsWith('.'))
        {
            return Refuse("name", "The name must be a plain file name: no '/', '\\' or '..', and no leading '.'.");
        }

        if (!name.All(IsSafe))
        {
            return Refuse("name", "The name may hold only letters (A-Z, a-z), digits, '.', '_' and '-'.");
        }

        return DocumentFormats.FromFileName(name) is { } format
            ? (format, null)
            : Refuse("name", $"'{Path.GetExtension(name)}' is not a supported file type: upload .json or .csv documents.");
    }

    /// <summary>
    /// The content type must be that of the format (charset optional, and then utf-8). None, or
    /// application/octet-stream (what many clients send for any file), leaves the format to the extension.
    /// </summary>
    public static UploadRefusal? CheckContentType(string? contentType, DocumentFormat format)
    {
        if (string.IsNullOrWhiteSpace(contentType))
        {
            return null;
        }

        var expected = ContentTypeOf(format);
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || media.MediaType is null)
        {
            return new UploadRefusal("contentType", $"'{contentType}' is not a content type; send {expected}.");
        }

        if (string.Equals(media.MediaType, "application/octet-stream", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (!string.Equals(media.MediaType, expected, StringComparison.OrdinalIgnoreCase))
        {
            return new UploadRefusal("contentType", $"'{media.MediaType}' does not agree with the file type: a {format} document is {expected}.");
        }

        var charset = media.CharSet?.Trim('"');
        return charset is null || string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase)
            ? null
            : new UploadRefusal("contentType", $"Documents are read as UTF-8; charset '{charset}' is not accepted.");
    }

    /// <summary>The content type a document of the format is stored with.</summary>
    public static string ContentTypeOf(DocumentFormat format) => format == DocumentFormat.Json ? JsonContentType : CsvContentType;

    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static (DocumentFormat?, UploadRefusal?) Refuse(string field, string message) => (null, new UploadRefusal(field, message));
}
