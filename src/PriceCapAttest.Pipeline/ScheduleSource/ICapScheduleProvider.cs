using PriceCapAttest.Contracts;
using PriceCapAttest.Domain;

namespace PriceCapAttest.Pipeline.ScheduleSource;

/// <summary>The checker for the cap schedule in force: the schedule blob when present, else the embedded default.</summary>
public interface ICapScheduleProvider
{
    /// <summary>
    /// The checker of the schedule in force. Checks the blob's ETag at most once per refresh interval; a changed
    /// blob is validated before use, an invalid one is refused (see <see cref="Status"/>) and the last valid
    /// schedule stays. Throws only for a storage fault when no schedule has been loaded yet.
    /// </summary>
    ValueTask<AttestationChecker> GetCurrentAsync(CancellationToken cancellationToken);

    /// <summary>The same schedule with its text and SHA-256 (what re-screening compares and archives).</summary>
    ValueTask<ScheduleInForce> GetInForceAsync(CancellationToken cancellationToken);

    /// <summary>Where the schedule in force came from and the last refused blob, for the API's /schedule answer.</summary>
    ScheduleStatus Status { get; }
}
