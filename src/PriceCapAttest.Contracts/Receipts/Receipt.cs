using System.Text.Json.Serialization;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>The outcome of one uploaded document.</summary>
public enum ReceiptStatus
{
    /// <summary>Read and checked; at least one attestation was recorded (others may have been rejected: see each).</summary>
    Processed,

    /// <summary>Nothing was recorded: the file could not be used (too large, unsupported type, unreadable) or every attestation in it is invalid.</summary>
    Rejected,

    /// <summary>The pipeline failed on the document after all retries; upload it again or contact the operator.</summary>
    Failed,
}

/// <summary>
/// The receipt of one uploaded document, written to <c>attestation-receipts/{shipperId}/{name}.json</c> (same
/// relative path as the upload, plus ".json") and to the Receipts table. Like the check result, a file that
/// cannot be used at all (too large, unsupported type, unreadable) has one Rejected element in
/// <see cref="Attestations"/> with attestationId null and its errors. <see cref="Error"/> is set only for a Failed
/// document: what the pipeline failed on.
/// </summary>
public sealed record Receipt(
    string BlobPath,
    string ShipperId,
    string Name,
    string? Sha256,
    long? Size,
    DateTimeOffset ReceivedAt,
    ReceiptStatus Status,
    string? ScheduleVersion,
    string? Error,
    IReadOnlyList<ReceiptAttestation> Attestations)
{
    /// <summary>
    /// Only in the API's answer (never in the stored receipt, the ingest-time snapshot): every later evaluation of
    /// an attestation this document recorded, by re-screening for a new cap schedule.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ReceiptReevaluation>? Reevaluations { get; init; }
}

/// <summary>
/// One attestation of a receipt: its index in the file, id, verdict, errors, and where it was recorded
/// (<see cref="Record"/> is null for a rejected attestation, which is not recorded). <see cref="Current"/> is false
/// when a later upload of the same attestation was already recorded (out-of-order delivery).
/// </summary>
public sealed record ReceiptAttestation(
    int Index,
    string? AttestationId,
    Verdict Verdict,
    IReadOnlyList<ValidationIssue> Errors,
    RecordKey? Record,
    bool Current);

/// <summary>The key of a recorded attestation version, as the API addresses it.</summary>
public sealed record RecordKey(string ShipperId, string AttestationId, int Version);
