namespace PriceCapAttest.Contracts;

/// <summary>The states of a re-screening run.</summary>
public static class RescreenStatuses
{
    public const string Started = "started";
    public const string Running = "running";
    public const string Finished = "finished";
    public const string Failed = "failed";
    public const string Superseded = "superseded";
}

/// <summary>
/// One re-screening run: the schedule it re-screens for (version and SHA-256), the schedules it compares with, the
/// changes found, where it is (months, cursor) and what it did so far. Counters only grow; a run resumed after a
/// crash starts again at its cursor (the page in progress is examined again, which records nothing twice).
/// </summary>
public sealed record RescreenRun(
    string Id,
    string ScheduleVersion,
    string ScheduleSha256,
    IReadOnlyList<string> BaseSha256s,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Months,
    RescreenCursor? Cursor,
    RescreenProgress Progress,
    IReadOnlyList<RescreenCount> Counts,
    string? Error)
{
    public bool IsOpen => Status is RescreenStatuses.Started or RescreenStatuses.Running;
}

/// <summary>Where a run is: the month being read and the last index row done in it (null: from its first row).</summary>
public sealed record RescreenCursor(string Month, string? AfterRow);

/// <summary>
/// What a run did: months done of all, attestations examined, changed (a new evaluation recorded), unchanged,
/// unavailable (raw document gone or overwritten), and alerts queued.
/// </summary>
public sealed record RescreenProgress(int MonthsDone, int Examined, int Changed, int Unchanged, int Unavailable, int AlertsQueued)
{
    public static RescreenProgress None { get; } = new(0, 0, 0, 0, 0, 0);

    public RescreenProgress Add(RescreenProgress other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new RescreenProgress(MonthsDone + other.MonthsDone, Examined + other.Examined, Changed + other.Changed,
            Unchanged + other.Unchanged, Unavailable + other.Unavailable, AlertsQueued + other.AlertsQueued);
    }
}
