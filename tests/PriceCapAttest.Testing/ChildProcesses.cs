using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace PriceCapAttest.Testing;

/// <summary>
/// The long-running children of a test run or the benchmark harness (Azurite, the local host): killed with their
/// trees when the parent exits, also on Ctrl-C or SIGTERM, so an interrupted run leaves nothing listening.
/// </summary>
public static class ChildProcesses
{
    private static readonly List<Process> Running = [];
    private static readonly PosixSignalRegistration[] Signals =
    [
        PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => KillAll()),
        PosixSignalRegistration.Create(PosixSignal.SIGHUP, _ => KillAll()),
    ];

    static ChildProcesses()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    /// <summary>How many signal handlers are registered (keeps them alive for the process lifetime).</summary>
    public static int SignalHandlers => Signals.Length;

    /// <summary>Starts <paramref name="start"/> and tracks it until it is killed or stopped here.</summary>
    public static Process Start(ProcessStartInfo start, Action<string?> output)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => output(e.Data);
        process.ErrorDataReceived += (_, e) => output(e.Data);
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {start.FileName}.");
        }

        lock (Running)
        {
            Running.Add(process);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Kills the process tree (if still running), waits up to 10 s and disposes the process.</summary>
    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        Forget(process);
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }

        process.Dispose();
    }

    /// <summary>
    /// Sends SIGTERM (as a service manager stops a program) and waits for the exit. True when it stopped within
    /// <paramref name="timeout"/>; false when it had to be killed (also where there is no SIGTERM). The caller disposes it.
    /// </summary>
    public static async Task<bool> TerminateAsync(Process process, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(process);
        var graceful = false;
        if (!OperatingSystem.IsWindows() && !process.HasExited)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
                using var wait = new CancellationTokenSource(timeout);
                try
                {
                    await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
                    graceful = true;
                }
                catch (OperationCanceledException)
                {
                    // Killed below.
                }
            }
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.WaitForExit(); // flushes the redirected output
        Forget(process);
        return graceful;
    }

    private static void Forget(Process process)
    {
        lock (Running)
        {
            Running.Remove(process);
        }
    }

    private static void KillAll()
    {
        Process[] all;
        lock (Running)
        {
            all = [.. Running];
        }

        foreach (var process in all)
        {
            Kill(process);
        }
    }
}
