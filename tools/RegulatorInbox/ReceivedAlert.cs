namespace PriceCapAttest.RegulatorInbox;

/// <summary>
/// One alert POST as the inbox saw it: the Standard Webhooks headers, the CloudEvent's type and subject, the
/// attestation it is about, and whether its signature verified.
/// </summary>
public sealed record ReceivedAlert(
    string Path,
    string WebhookId,
    string? Type,
    string? Subject,
    string? ShipperId,
    string? AttestationId,
    int? Version,
    string? Regime,
    bool SignatureValid,
    bool Duplicate,
    DateTimeOffset ReceivedAt,
    string Body);
