using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// One alert on the violation-alerts queue: a violated (or, for an amendment, resolved) regime of one
/// attestation version. <see cref="AlertId"/> is stable for (shipper, attestation, version, regime, event type,
/// evaluation). <see cref="Cause"/> says which check raised it: the ingest of the version, or re-screening for a new
/// cap schedule (<see cref="RescreenRunId"/>); <see cref="ScheduleVersion"/> is the schedule of that check.
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
    DateTimeOffset CreatedAt,
    int Evaluation = 1,
    string Cause = EvaluationCauses.Ingest,
    string? RescreenRunId = null,
    string? ScheduleVersion = null)
{
    public const string Violation = "violation";
    public const string Resolved = "resolved";
}
