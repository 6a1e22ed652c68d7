using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// One stored version of an attestation: its check result and the evidence around it (blob path, SHA-256,
/// when it was received and uploaded). <see cref="PreviousCurrentVersion"/> is the version that was current
/// when this one became current (null for the first, or for a version that never became current because a
/// later upload was already recorded: out-of-order delivery).
/// </summary>
public sealed record AttestationVersion(
    string ShipperId,
    string AttestationId,
    int Version,
    CheckResult Result,
    AttestationFacts Facts,
    string BlobPath,
    string Sha256,
    DateTimeOffset ReceivedAt,
    DateTimeOffset UploadedAt,
    int? PreviousCurrentVersion,
    DateTimeOffset? AlertsPublishedAt)
{
    /// <summary>
    /// Whether alerts can exist for this version: it violates a regime, or it replaced a current version (whose
    /// violations it may resolve). The ingest publishes none for any other version, so none need be looked for.
    /// </summary>
    public bool CanHaveAlerts =>
        PreviousCurrentVersion is not null || PriorViolations.Count > 0 || Result.Regimes.Any(r => r.Verdict == Verdict.Violation);

    /// <summary>Which evaluation of this version <see cref="Result"/> is (1 at ingest; later ones by re-screening).</summary>
    public VersionEvaluation Evaluation { get; init; } = VersionEvaluation.AtIngest;

    /// <summary>
    /// For an evaluation by re-screening: the regimes the evaluation it replaced found violated. Its alerts are the
    /// difference: a violation alert per newly violated regime, a resolved alert per regime no longer violated.
    /// </summary>
    public IReadOnlyList<string> PriorViolations { get; init; } = [];

    /// <summary>The evaluation whose alerts <see cref="AlertsPublishedAt"/> records (rows from before re-screening: 1).</summary>
    public int? AlertsPublishedEvaluation { get; init; }

    /// <summary>True when the alerts of the current evaluation have been published.</summary>
    public bool AlertsPublished => AlertsPublishedAt is not null && (AlertsPublishedEvaluation ?? 1) == Evaluation.Number;

    /// <summary>The regimes this version's result finds violated.</summary>
    public IReadOnlyList<string> ViolatedRegimes => [.. Result.Regimes.Where(r => r.Verdict == Verdict.Violation).Select(r => r.Regime)];
}

/// <summary>
/// The outcome of recording a version: the version (new or found), whether this call created it, whether it is
/// current, and how many versions the attestation has (all as the commit saw them).
/// </summary>
public sealed record VersionCommit(AttestationVersion Version, bool Created, bool IsCurrent, int Versions);

/// <summary>The current version of an attestation and how many versions it has.</summary>
public sealed record CurrentVersion(AttestationVersion Version, int Versions);
