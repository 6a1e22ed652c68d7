using System.Globalization;
using System.Net.Http.Headers;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>Reading query strings: numbers bound as text so a bad one is the API's own 400 naming the parameter.</summary>
public static class ApiInput
{
    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static int? OptionalInt(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidQueryException(field, $"'{field}' must be a whole number, not '{value}'.");
    }

    /// <summary>True when the Accept header prefers text/csv over JSON.</summary>
    public static bool WantsCsv(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return false;
        }

        double csv = 0, json = 0;
        foreach (var part in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MediaTypeWithQualityHeaderValue.TryParse(part, out var media) || media.MediaType is null)
            {
                continue;
            }

            var quality = media.Quality ?? 1.0;
            if (string.Equals(media.MediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
            {
                csv = Math.Max(csv, quality);
            }
            else if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                     media.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return csv > 0 && csv > json;
    }
}
