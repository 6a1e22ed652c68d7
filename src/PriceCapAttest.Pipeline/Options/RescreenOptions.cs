using System.ComponentModel.DataAnnotations;

namespace PriceCapAttest.Pipeline.Options;

/// <summary>Re-screening of stored attestations when the cap schedule changes (section <c>Rescreen</c>).</summary>
public sealed class RescreenOptions
{
    public const string Section = "Rescreen";

    /// <summary>How often the local host looks for a new schedule to re-screen for (the Functions app: a timer, every minute).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Index rows read per page; the run's progress is saved after each page.</summary>
    [Range(10, 1000)]
    public int PageSize { get; set; } = 500;

    /// <summary>Attestations examined at the same time.</summary>
    [Range(1, 64)]
    public int MaxDegreeOfParallelism { get; set; } = 8;

    /// <summary>False: no re-screening runs (dry runs still answer).</summary>
    public bool Enabled { get; set; } = true;
}
