namespace PriceCapAttest.Contracts;

/// <summary>The answer of <c>GET rescreens</c>.</summary>
public sealed record RescreenRunsAnswer(IReadOnlyList<RescreenRun> Runs);

/// <summary>The answer of <c>GET rescreens/{runId}</c>: the run and one page of the attestations it changed.</summary>
public sealed record RescreenRunAnswer(RescreenRun Run, PagedAnswer<RescreenChange> Changes);
