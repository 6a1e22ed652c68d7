using System.Globalization;
using System.Text;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// Violations as CSV (RFC 4180: comma, CRLF, quotes doubled). A cell starting with = + - @ (or a tab or carriage
/// return) is prefixed with a single quote so spreadsheets do not run it as a formula (OWASP CSV injection).
/// </summary>
public static class ViolationCsvWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "regime", "loadingDate", "shipperId", "attestationId", "version", "imo", "vesselName", "capUsdPerBbl",
        "priceUsdPerBbl", "ruleId", "reasons", "scheduleVersion", "receivedAt", "blobPath", "sha256",
    ];

    public static async Task WriteAsync(TextWriter writer, IEnumerable<ViolationAnswer> violations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(violations);
        await writer.WriteAsync(string.Join(',', Columns) + "\r\n").ConfigureAwait(false);
        foreach (var v in violations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string?[] cells =
            [
                v.Regime, v.LoadingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.ShipperId, v.AttestationId,
                v.Version.ToString(CultureInfo.InvariantCulture), v.Imo, v.VesselName,
                v.CapUsdPerBbl?.ToString(CultureInfo.InvariantCulture), v.PriceUsdPerBbl?.ToString(CultureInfo.InvariantCulture),
                v.RuleId, string.Join(';', v.Reasons), v.ScheduleVersion,
                v.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), v.BlobPath, v.Sha256,
            ];
            await writer.WriteAsync(string.Join(',', cells.Select(Cell)) + "\r\n").ConfigureAwait(false);
        }
    }

    public static string ToCsv(IEnumerable<ViolationAnswer> violations)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        WriteAsync(writer, violations, CancellationToken.None).GetAwaiter().GetResult();
        return writer.ToString();
    }

    /// <summary>One cell, neutralised and quoted as needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var text = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 2).Append('"');
        builder.Append(text.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
