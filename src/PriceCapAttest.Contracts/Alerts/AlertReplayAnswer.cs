namespace PriceCapAttest.Contracts;

/// <summary>The answer of <c>POST alerts/replay</c>: the ids of the alerts queued again (none when nothing was Failed).</summary>
public sealed record AlertReplayAnswer(IReadOnlyList<string> Replayed);
