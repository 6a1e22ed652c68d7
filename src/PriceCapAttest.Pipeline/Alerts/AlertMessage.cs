namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// One alert on the violation-alerts queue: a violated (or, for an amendment, resolved) regime of one
/// attestation version. <see cref="AlertId"/> is stable for (shipper, attestation, version, regime, event type).
/// </summary>
public sealed record AlertMessage(
    string AlertId,
    string EventType,
    string ShipperId,
    string AttestationId,
    int Version,
    string Regime,
    string BlobPath,
    string Sha256,
    DateTimeOffset CreatedAt)
{
    public const string Violation = "violation";
    public const string Resolved = "resolved";
}
