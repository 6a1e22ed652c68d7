namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>Exponential backoff between delivery rounds: <c>BaseBackoff * 2^(attempt-1)</c>, capped at MaxBackoff.</summary>
public static class AlertBackoff
{
    /// <summary>The delay to wait after failed round <paramref name="attempt"/> (1-based) before the next one.</summary>
    public static TimeSpan After(int attempt, TimeSpan baseBackoff, TimeSpan maxBackoff)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(baseBackoff, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBackoff, TimeSpan.Zero);

        // Doubling 62 times would overflow the tick count long before it matters; stop as soon as the cap is reached.
        var delay = baseBackoff;
        for (var i = 1; i < attempt && delay < maxBackoff; i++)
            delay = delay.Ticks > maxBackoff.Ticks / 2 ? maxBackoff : TimeSpan.FromTicks(delay.Ticks * 2);
        return delay < maxBackoff ? delay : maxBackoff;
    }
}
