using System.Globalization;
using System.Text.Json;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>The check result of one attestation plus the facts the indexes need (vessel, loading date).</summary>
public sealed record CheckedAttestation(CheckResult Result, AttestationFacts Facts);

/// <summary>
/// Runs the Domain checker over a document and pairs each result with its facts. The check result does not carry
/// the vessel and loading date, and the Domain's readers are internal, so the facts are read here from JSON
/// documents (vessel.imo, vessel.name, voyage.loadingDate of each attestation, by index). CSV attestations are
/// recorded and alerted on like JSON ones but have no VesselIndex entry until the Domain hands out the document
/// it read with each result.
/// </summary>
public static class DocumentCheck
{
    public static IReadOnlyList<CheckedAttestation> Run(AttestationChecker checker, MemoryStream content, DocumentFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(content);
        var results = checker.Check(content, format, source).ToList();
        var facts = format == DocumentFormat.Json ? JsonFacts(content) : [];
        return [.. results.Select(r => new CheckedAttestation(r,
            r.Verdict != Verdict.Rejected && facts.TryGetValue(r.Index, out var f) ? f : AttestationFacts.None))];
    }

    private static Dictionary<int, AttestationFacts> JsonFacts(MemoryStream content)
    {
        var facts = new Dictionary<int, AttestationFacts>();
        try
        {
            using var copy = new MemoryStream(content.GetBuffer(), 0, (int)content.Length, writable: false);
            using var document = JsonDocument.Parse(copy, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("attestations", out var batch) && batch.ValueKind == JsonValueKind.Array)
            {
                var index = 0;
                foreach (var element in batch.EnumerateArray())
                {
                    facts[index++] = FactsOf(element);
                }
            }
            else
            {
                facts[0] = FactsOf(root);
            }
        }
        catch (JsonException)
        {
            // Unreadable: the checker has rejected it already; no facts.
        }

        return facts;
    }

    private static AttestationFacts FactsOf(JsonElement attestation)
    {
        if (attestation.ValueKind != JsonValueKind.Object)
        {
            return AttestationFacts.None;
        }

        var imo = String(attestation, "vessel", "imo");
        var name = String(attestation, "vessel", "name");
        var date = String(attestation, "voyage", "loadingDate");
        return new AttestationFacts(
            ImoNumber.TryParse(imo, out var parsed) ? parsed.Value : null,
            name,
            DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null);
    }

    private static string? String(JsonElement root, string section, string name) =>
        root.TryGetProperty(section, out var s) && s.ValueKind == JsonValueKind.Object &&
        s.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString()
            : null;
}
