using System.Diagnostics;
using System.Globalization;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Benchmarks.Infrastructure;

/// <summary>
/// CPU time (user + system, all threads) a child process has used so far, from <c>/proc/{pid}/stat</c>: read
/// before and after a run, it says how much of the storage emulator's CPU one document costs. Null where there is
/// no /proc (the report then says n/a).
/// </summary>
public static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime; 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    public static TimeSpan? Of(AzuriteProcess azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        return azurite.Process is { } process ? Of(process) : null;
    }

    public static TimeSpan? Of(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(stat);
    }

    /// <summary>utime and stime are fields 14 and 15; the command name before them may hold spaces, so count after its ')'.</summary>
    private static TimeSpan? Parse(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 13 ||
            !long.TryParse(fields[11], NumberStyles.None, CultureInfo.InvariantCulture, out var user) ||
            !long.TryParse(fields[12], NumberStyles.None, CultureInfo.InvariantCulture, out var system))
        {
            return null;
        }

        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }
}
