namespace PriceCapAttest.Pipeline.ScheduleSource;

/// <summary>Where a schedule in force comes from.</summary>
public static class ScheduleSources
{
    /// <summary>The schedule shipped inside the Domain assembly.</summary>
    public const string Embedded = "embedded";

    /// <summary>The schedule blob (<c>config/cap-schedule.json</c>).</summary>
    public const string Blob = "blob";
}
