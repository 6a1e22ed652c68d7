namespace PriceCapAttest.Contracts;

/// <summary>Who may read a shipper's attestations besides the shipper; each such read is audited.</summary>
public enum ReaderRole
{
    Insurer,
    Regulator,
    Operator,
}

/// <summary>
/// One read of a shipper's attestation: who read it (<see cref="Role"/> and <see cref="PartyId"/>), which
/// attestation and the version read, when, and through which route. <see cref="Id"/> is unique
/// and orders entries newest first.
/// </summary>
public sealed record AuditEntry(
    string Id,
    ReaderRole Role,
    string PartyId,
    string ShipperId,
    string AttestationId,
    int? Version,
    DateTimeOffset ReadAt,
    string Route);
