using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>
/// A later evaluation of an attestation a document recorded: which attestation version and evaluation, the verdict
/// before and after, the schedule versions, why (cause <c>rescreen</c>, the run's id) and when.
/// </summary>
public sealed record ReceiptReevaluation(
    string AttestationId,
    int Version,
    int Evaluation,
    Verdict From,
    Verdict To,
    string? FromScheduleVersion,
    string? ScheduleVersion,
    string Cause,
    string? RescreenRunId,
    DateTimeOffset? EvaluatedAt);
