using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// A read to audit: who read (<paramref name="Role"/>, <paramref name="PartyId"/>, from the caller's principal), which
/// attestation of which shipper, the version read (null only in rows of earlier releases), through which route.
/// </summary>
public sealed record AuditedRead(ReaderRole Role, string PartyId, string ShipperId, string AttestationId, int? Version, string Route);
