using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>The check result of one attestation plus the facts the indexes need (vessel, loading date).</summary>
public sealed record CheckedAttestation(CheckResult Result, AttestationFacts Facts);

/// <summary>Runs the Domain checker over a document and pairs each result with its facts.</summary>
public static class DocumentCheck
{
    public static IReadOnlyList<CheckedAttestation> Run(AttestationChecker checker, Stream content, DocumentFormat format, string source)
    {
        ArgumentNullException.ThrowIfNull(checker);
        return [.. checker.Check(content, format, source).Select(r => new CheckedAttestation(r, AttestationFacts.None))];
    }
}
