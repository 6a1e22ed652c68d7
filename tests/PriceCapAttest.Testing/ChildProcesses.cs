using System.Diagnostics;
using System.Runtime.InteropServices;

namespace PriceCapAttest.Benchmarks.Infrastructure;

/// <summary>
/// The long-running children of the harness (Azurite, the local host): killed with their trees when the harness
/// exits, also on Ctrl-C or SIGTERM, so an interrupted run leaves nothing listening.
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

    public static void Track(Process process)
    {
        lock (Running)
        {
            Running.Add(process);
        }
    }

    public static void Kill(Process process)
    {
        ArgumentNullException.ThrowIfNull(process);
        lock (Running)
        {
            Running.Remove(process);
        }

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
        }

        process.Dispose();
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
