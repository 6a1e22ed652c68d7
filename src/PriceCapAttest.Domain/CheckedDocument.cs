using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain;

/// <summary>
/// A check result with the document it was reached from (null when the file could not be read as attestations),
/// for callers that index facts the result does not carry, such as the vessel and the loading date.
/// </summary>
public sealed record CheckedDocument(CheckResult Result, AttestationDocument? Document);
