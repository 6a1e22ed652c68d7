using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>Why a version's check result was reached: checked at ingest, or checked again for a new cap schedule.</summary>
public static class EvaluationCauses
{
    public const string Ingest = "ingest";
    public const string Rescreen = "rescreen";
}

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
