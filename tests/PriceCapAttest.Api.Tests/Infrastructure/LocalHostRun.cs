using System.Diagnostics;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>The local host run once to its exit (a start-up that must fail): exit code and every output line.</summary>
internal static class LocalHostRun
{
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> ToExitAsync(IDictionary<string, string> environment, TimeSpan timeout)
    {
        var dll = BuildInfo.LocalHostDll;
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var output = new List<string>();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The local host did not exit within {timeout}:{Environment.NewLine}{string.Join(Environment.NewLine, output)}");
        }

        process.WaitForExit(); // flushes the redirected output
        lock (output)
        {
            return (process.ExitCode, [.. output]);
        }

        void Add(string? line)
        {
            if (line is not null)
            {
                lock (output)
                {
                    output.Add(line);
                }
            }
        }
    }
}
