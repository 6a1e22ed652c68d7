using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>The cap schedule a command works with: the embedded default, or the file given with --schedule.</summary>
public static class ScheduleSource
{
    /// <exception cref="UsageException">The file is missing, unreadable or refused by the loader (every problem listed).</exception>
    public static CapSchedule Load(string? path)
    {
        if (string.IsNullOrWhiteSpace(path)) return CapScheduleLoader.LoadDefault();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            return CapScheduleLoader.Load(stream);
        }
        catch (InvalidCapScheduleException e)
        {
            throw new UsageException($"The cap schedule '{path}' was refused ({e.Problems.Count} problem(s)):", e)
            {
                Details = e.Problems,
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot read the cap schedule '{path}': {e.Message}", e);
        }
    }
}
