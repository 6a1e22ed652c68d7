using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>The check result of one attestation plus the facts the indexes need (vessel, loading date).</summary>
public sealed record CheckedAttestation(CheckResult Result, AttestationFacts Facts);

/// <summary>Runs the Domain checker over a document (JSON or CSV) and pairs each result with its facts.</summary>
public static class DocumentCheck
{
    public static IReadOnlyList<CheckedAttestation> Run(AttestationChecker checker, Stream content, DocumentFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(checker);
        ArgumentNullException.ThrowIfNull(content);
        return [.. checker.CheckWithDocuments(content, format, source).Select(c => new CheckedAttestation(c.Result, FactsOf(c)))];
    }

    private static AttestationFacts FactsOf(CheckedDocument checkedDocument)
    {
        if (checkedDocument.Result.Verdict == Verdict.Rejected || checkedDocument.Document is not { } document)
            return AttestationFacts.None;

        return new AttestationFacts(
            ImoNumber.TryParse(document.Vessel?.Imo, out var imo) ? imo.Value : null,
            document.Vessel?.Name,
            document.Voyage?.LoadingDate,
            document.Cargo?.Product);
    }
}
