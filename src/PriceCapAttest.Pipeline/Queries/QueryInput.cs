using System.Buffers.Text;
using System.Globalization;
using System.Text;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>Parses and checks query parameters; anything wrong throws <see cref="InvalidQueryException"/>.</summary>
public static class QueryInput
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;

    /// <summary>"9074729" or "IMO 9074729": 7 digits whose last is the check digit (the Domain's ImoNumber). Returns the 7 digits.</summary>
    public static string Imo(string? value, string field = "imo")
    {
        if (ImoNumber.TryParse(value, out var imo))
        {
            return imo.Value;
        }

        throw new InvalidQueryException(field, ImoNumber.IsWellFormed(value)
            ? $"'{value}' is not a valid IMO number: the check digit does not match."
            : $"'{value}' is not an IMO number: 7 digits, e.g. 9074729.");
    }

    /// <summary>An ISO date (yyyy-MM-dd), or <paramref name="fallback"/> when absent.</summary>
    public static DateOnly Date(string? value, string field, DateOnly fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new InvalidQueryException(field, $"'{value}' is not an ISO date (yyyy-MM-dd).");
    }

    public static (DateOnly From, DateOnly To) DateRange(string? from, string? to)
    {
        var start = Date(from, "from", DateOnly.MinValue);
        var end = Date(to, "to", DateOnly.MaxValue);
        return start <= end ? (start, end) : throw new InvalidQueryException("to", $"'to' ({to}) is before 'from' ({from}).");
    }

    /// <summary>A coalition regime code (case-insensitive): one of US, EU, GB, CA, JP, AU, NZ, CH, NO.</summary>
    public static string Regime(string? value)
    {
        var code = value?.Trim().ToUpperInvariant();
        return code is not null && CapScheduleLoader.KnownRegimes.Contains(code)
            ? code
            : throw new InvalidQueryException("regime", $"'{value}' is not a known regime ({string.Join(", ", CapScheduleLoader.KnownRegimes)}).");
    }

    public static string Id(string? value, string field, int maxLength = 256)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > maxLength || value.Any(char.IsControl))
        {
            throw new InvalidQueryException(field, $"'{field}' must be 1 to {maxLength} characters without control characters.");
        }

        return value;
    }

    public static int? Version(int? value) =>
        value is null or >= 1 ? value : throw new InvalidQueryException("version", "'version' must be 1 or more.");

    public static int PageSize(int? value) =>
        value switch
        {
            null => DefaultPageSize,
            >= 1 and <= MaxPageSize => value.Value,
            _ => throw new InvalidQueryException("pageSize", $"'pageSize' must be between 1 and {MaxPageSize}."),
        };

    /// <summary>Wraps the storage continuation token, bound to the partition it pages through (opaque, URL-safe).</summary>
    public static string? EncodeToken(string partition, string? storageToken) =>
        storageToken is null ? null : Base64Url.EncodeToString(Encoding.UTF8.GetBytes(partition + "\n" + storageToken));

    /// <summary>The storage continuation token of a token from <see cref="EncodeToken"/> for the same partition.</summary>
    public static string? DecodeToken(string partition, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token));
            var newline = text.IndexOf('\n', StringComparison.Ordinal);
            // Only a token this query could have given out: the same partition, and a storage token of its form
            // ("{nextPartitionKey} {nextRowKey}", opaque printable ASCII). The storage keys inside are opaque (encoded
            // by the service), so they cannot be compared with the partition; the query's filter keeps any page in the
            // partition and date range whatever the token says.
            if (newline > 0 && text[..newline] == partition && IsStorageToken(text[(newline + 1)..]))
            {
                return text[(newline + 1)..];
            }
        }
        catch (FormatException)
        {
            // Falls through to the error below.
        }

        throw new InvalidQueryException("continuationToken", "The continuation token is not one this query gave out.");
    }

    private const int MaxStorageTokenLength = 2048;

    private static bool IsStorageToken(string storageToken)
    {
        var space = storageToken.IndexOf(' ', StringComparison.Ordinal);
        return storageToken.Length is > 0 and <= MaxStorageTokenLength && space != 0 &&
               (space < 0 || storageToken.IndexOf(' ', space + 1) < 0) &&
               storageToken.All(c => c is >= ' ' and <= '~');
    }
}
