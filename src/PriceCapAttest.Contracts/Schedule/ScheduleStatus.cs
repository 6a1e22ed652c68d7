namespace PriceCapAttest.Contracts;

/// <summary>
/// The state of the cap schedule source: the schedule in force (version, source, blob ETag, when loaded), when the
/// blob was last checked, and the last refused schedule blob with its problems (null when none was refused since
/// the schedule in force was loaded).
/// </summary>
public sealed record ScheduleStatus(
    string? Version,
    string Source,
    string? BlobPath,
    string? BlobETag,
    DateTimeOffset? LoadedAt,
    DateTimeOffset? LastCheckedAt,
    ScheduleRefusal? LastError);

/// <summary>A schedule blob that was refused: its ETag, when, and every problem found.</summary>
public sealed record ScheduleRefusal(string? BlobETag, DateTimeOffset At, IReadOnlyList<string> Problems);
