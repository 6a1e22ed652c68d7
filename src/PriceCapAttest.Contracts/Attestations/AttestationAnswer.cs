using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>
/// One attestation version as the API answers it: the check result object (docs/attestation-format.md, "Check result":
/// source, index, attestationId, verdict, reasons, regimes, flags, errors, scheduleVersion) plus the storage
/// metadata, which evaluation of the version it is, the evaluations re-screening replaced, and the vessel's
/// <see cref="Imo"/> (null when the document named none; what scopes an insurer's reads). Serialise with ResultJson.Options.
/// </summary>
public sealed record AttestationAnswer(
    string Source,
    int Index,
    string? AttestationId,
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<RegimeResult> Regimes,
    IReadOnlyList<string> Flags,
    IReadOnlyList<ValidationIssue> Errors,
    string? ScheduleVersion,
    string ShipperId,
    int Version,
    int Versions,
    int CurrentVersion,
    DateTimeOffset ReceivedAt,
    string BlobPath,
    string Sha256,
    IReadOnlyList<AlertDelivery> Alerts,
    EvaluationAnswer Evaluation,
    IReadOnlyList<PastEvaluationAnswer> History,
    string? Imo);
