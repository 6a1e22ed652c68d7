using System.Diagnostics;
using System.Globalization;

namespace PriceCapAttest.Benchmarks.Infrastructure;

/// <summary>
/// Runs a .NET program as a child process with stdout counted and discarded, and measures its wall time and its
/// peak resident set: the kernel's high-water mark (VmHWM in /proc/&lt;pid&gt;/status), polled every 10 ms while it
/// runs (the mark only grows, so the last reading before exit is the peak, to within one interval of growth).
/// </summary>
public static class MeasuredProcess
{
    public sealed record Result(int ExitCode, TimeSpan Elapsed, long PeakWorkingSetBytes, long StdoutBytes, string Stderr);

    public static async Task<Result> RunDotnetAsync(string dll, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = new Process { StartInfo = start };
        var clock = Stopwatch.StartNew();
        process.Start();
        var statusPath = $"/proc/{process.Id.ToString(CultureInfo.InvariantCulture)}/status";
        var stdout = CountAsync(process.StandardOutput.BaseStream, cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);

        long peak = 0;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, ReadHighWaterMark(statusPath));
            await Task.Delay(10, cancellationToken).ConfigureAwait(false);
        }

        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        clock.Stop();
        return new Result(process.ExitCode, clock.Elapsed, peak, await stdout.ConfigureAwait(false), await stderr.ConfigureAwait(false));
    }

    private static async Task<long> CountAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 16];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        return total;
    }

    /// <summary>VmHWM in bytes, or 0 once the process is gone.</summary>
    private static long ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kb = line.AsSpan(6).Trim();
                    kb = kb[..kb.IndexOf(' ')];
                    return long.Parse(kb, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
