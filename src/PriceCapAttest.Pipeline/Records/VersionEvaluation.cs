using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Which evaluation of a version its stored result is: 1 at ingest, one more each time re-screening for a new cap
/// schedule changed the outcome (<see cref="RescreenRunId"/> names that run). <see cref="EvaluatedAt"/> is null
/// for an evaluation at ingest (the version's ReceivedAt says when).
/// </summary>
public sealed record VersionEvaluation(int Number, string Cause, DateTimeOffset? EvaluatedAt, string? RescreenRunId)
{
    public static VersionEvaluation AtIngest { get; } = new(1, EvaluationCauses.Ingest, null, null);
}
