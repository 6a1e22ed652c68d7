using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// What a reader made of one attestation: the document (null when nothing could be read, e.g. invalid JSON)
/// and the errors met while reading (wrong types, bad dates), which the validators complete.
/// </summary>
public sealed record ParsedAttestation(int Index, AttestationDocument? Document, IReadOnlyList<ValidationIssue> ReadErrors)
{
    /// <summary>A file-level failure: one element with its errors, attestationId unknown.</summary>
    public static ParsedAttestation Unreadable(params ValidationIssue[] errors) => new(0, null, errors);
}
