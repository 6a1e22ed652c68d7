using System.Globalization;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>Works out what a schedule can change: its differences from each schedule stored verdicts may follow.</summary>
public sealed class RescreenPlanner(ScheduleArchive archive)
{
    /// <summary>
    /// The union of the differences between <paramref name="target"/> and each archived schedule in
    /// <paramref name="baseSha256s"/>; every attestation when one of them was never archived (nothing to compare with).
    /// </summary>
    public async Task<RescreenScope> ScopeAsync(IEnumerable<string> baseSha256s, CapSchedule target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseSha256s);
        ArgumentNullException.ThrowIfNull(target);
        var changes = new List<ScheduleChange>();
        foreach (var sha in baseSha256s.Distinct(StringComparer.Ordinal))
        {
            if (await archive.GetAsync(sha, cancellationToken).ConfigureAwait(false) is not { } older)
            {
                return RescreenScope.Everything;
            }

            changes.AddRange(ScheduleDiff.Between(older, target));
        }

        return new RescreenScope([.. changes.Distinct()]);
    }

    /// <summary>A run id that sorts by start time and names the schedule: <c>yyyyMMddTHHmmssfffZ-{sha256:8}</c>.</summary>
    public static string NewRunId(DateTimeOffset now, string sha256) =>
        now.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture) + "-" + sha256[..8];
}
