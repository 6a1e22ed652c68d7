using PriceCapAttest.Testing;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>The local host run once to its exit (a start-up that must fail): exit code and every output line.</summary>
internal static class LocalHostRun
{
    public static Task<(int ExitCode, IReadOnlyList<string> Output)> ToExitAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var start = new LocalHostStart(BuildInfo.LocalHostDll);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return LocalHostProcess.RunToExitAsync(start, timeout);
    }
}
