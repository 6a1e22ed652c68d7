namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// The /health answer: <see cref="Status"/> is <c>healthy</c> while the API can serve (storage reachable and a valid
/// schedule in force), else <c>unhealthy</c> with the checks at fault named in <see cref="Failing"/>.
/// </summary>
public sealed record HealthAnswer(
    string Status,
    IReadOnlyList<string> Failing,
    StorageHealth Storage,
    ScheduleHealth Schedule,
    AlertQueueHealth AlertQueue)
{
    public const string Healthy = "healthy";
    public const string Unhealthy = "unhealthy";
}

/// <summary>Whether one cheap call to the table and the blob service answered (<c>reachable</c> or <c>unreachable</c>).</summary>
public sealed record StorageHealth(string Tables, string Blobs);

/// <summary>
/// The schedule source: <c>valid</c>; <c>refused</c> (the last schedule blob was refused, the previous one stays in
/// force); <c>stale</c> (caps past their review date, see GET /api/schedule); <c>unavailable</c> (no schedule loaded).
/// </summary>
public sealed record ScheduleHealth(string Status, string? Version, string Source, DateTimeOffset? LastCheckedAt, int StaleCaps);

/// <summary>Approximate message counts of the alert queue and its poison queue (null when they could not be read).</summary>
public sealed record AlertQueueHealth(int? Backlog, int? Poison);
