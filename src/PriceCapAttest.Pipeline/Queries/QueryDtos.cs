using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// One attestation version as the API answers it: the check result object (docs/attestation-format.md, "Check result":
/// source, index, attestationId, verdict, reasons, regimes, flags, errors, scheduleVersion) plus the storage
/// metadata, which evaluation of the version it is, and the evaluations re-screening replaced. Serialise with ResultJson.Options.
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
    IReadOnlyList<PastEvaluationAnswer> History);

/// <summary>
/// Which evaluation of the version the answer is: 1 at ingest (cause <c>ingest</c>), one more each time
/// re-screening for a new cap schedule changed the outcome (cause <c>rescreen</c>, with the run's id).
/// </summary>
public sealed record EvaluationAnswer(int Number, string Cause, DateTimeOffset? EvaluatedAt, string? RescreenRunId);

/// <summary>An earlier evaluation of the same version that re-screening replaced, oldest first: what it found and with which schedule.</summary>
public sealed record PastEvaluationAnswer(
    int Number,
    string Cause,
    DateTimeOffset? EvaluatedAt,
    string? RescreenRunId,
    string? ScheduleVersion,
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<RegimeResult> Regimes,
    IReadOnlyList<string> Flags,
    DateTimeOffset? ReplacedAt);

/// <summary>One page of a list; <see cref="ContinuationToken"/> (opaque) asks for the next page, null on the last.</summary>
public sealed record PagedAnswer<T>(IReadOnlyList<T> Items, string? ContinuationToken);

/// <summary>The current version of one attestation of a vessel (VesselIndex row).</summary>
public sealed record VesselAttestation(
    string Imo,
    DateOnly LoadingDate,
    string ShipperId,
    string AttestationId,
    int Version,
    int Versions,
    Verdict Verdict,
    IReadOnlyList<RegimeVerdict> Regimes,
    IReadOnlyList<string> Flags,
    string? VesselName,
    string? ScheduleVersion,
    DateTimeOffset ReceivedAt,
    string BlobPath);

public sealed record RegimeVerdict(string Regime, Verdict Verdict);

/// <summary>One violated regime of one attestation version (Violations row).</summary>
public sealed record ViolationAnswer(
    string Regime,
    DateOnly LoadingDate,
    string ShipperId,
    string AttestationId,
    int Version,
    string? Imo,
    string? VesselName,
    decimal? CapUsdPerBbl,
    decimal? PriceUsdPerBbl,
    string? RuleId,
    IReadOnlyList<string> Reasons,
    string? ScheduleVersion,
    DateTimeOffset ReceivedAt,
    string BlobPath,
    string Sha256);

/// <summary>
/// The caps in force on a date, where the schedule comes from, and a warning per regime and category whose
/// scheduled review has passed (today) without a later period.
/// </summary>
public sealed record ScheduleAnswer(
    DateOnly AsOf,
    string ScheduleVersion,
    string? Description,
    IReadOnlyList<CapAnswer> Caps,
    ScheduleStatus Status,
    IReadOnlyList<ScheduleWarningAnswer> Warnings);

/// <summary>A cap past its scheduled review with no later period: cargo loaded from the review date meets an unconfirmed cap.</summary>
public sealed record ScheduleWarningAnswer(string Regime, string Category, string RuleId, DateOnly ReviewDate, string Message);

/// <summary>
/// The cap of one regime and category on the date; null cap fields when none is in force. The validity is the
/// half-open interval [from, to) of loading dates (to null: still in force); knownUntil is the scheduled review it
/// is known to hold until; status is confirmed, unconfirmed or pastReview (docs/cap-rules.md).
/// </summary>
public sealed record CapAnswer(
    string Regime,
    string Category,
    decimal? CapUsdPerBbl,
    string? RuleId,
    DateOnly? From,
    DateOnly? To,
    DateOnly? KnownUntil,
    string? Status,
    string? Instrument,
    string? Source,
    bool? Confirmed,
    string? Note);
