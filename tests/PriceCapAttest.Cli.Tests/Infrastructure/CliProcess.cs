using System.Diagnostics;
using System.Reflection;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>The outcome of running the real <c>pricecap</c> process.</summary>
public sealed record ProcessRun(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Runs the built CLI as a separate process (<c>dotnet pricecap.dll ...</c>), with the repository root as the
/// working directory, so exit codes and the purity of stdout are tested as a shell sees them.
/// </summary>
public static class CliProcess
{
    private static readonly Lazy<string> CliDll = new(FindCliDll);

    public static async Task<ProcessRun> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CliDll.Value);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return new ProcessRun(process.ExitCode, await stdout, await stderr);
    }

    // The CLI's own build output in the configuration the tests were built in; the copy next to the tests otherwise.
    private static string FindCliDll()
    {
        var configuration = typeof(CliProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var candidates = new[]
        {
            Path.Combine(RepoPaths.Root, "src", "PriceCapAttest.Cli", "bin", configuration, "net10.0", "pricecap.dll"),
            Path.Combine(AppContext.BaseDirectory, "pricecap.dll"),
        };
        return candidates.FirstOrDefault(c => File.Exists(c) && File.Exists(Path.ChangeExtension(c, ".runtimeconfig.json")))
            ?? throw new InvalidOperationException("pricecap.dll not found; build src/PriceCapAttest.Cli first. Looked in: " + string.Join(", ", candidates));
    }
}
