using System.ComponentModel.DataAnnotations;

namespace PriceCapAttest.Pipeline.Options;

/// <summary>Configuration section <c>Schedule</c>: where the cap schedule blob lives and how often it is checked.</summary>
public sealed class ScheduleOptions
{
    public const string Section = "Schedule";

    [Required]
    [RegularExpression("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", ErrorMessage = "BlobContainer must be a valid container name.")]
    public string BlobContainer { get; set; } = StorageNames.Containers.Config;

    [Required]
    [MinLength(1)]
    public string BlobName { get; set; } = StorageNames.Blobs.CapSchedule;

    /// <summary>The blob's ETag is checked at most this often. Default 30 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
