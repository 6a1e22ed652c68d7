using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The Bicep CLI restored from the NuGet package Azure.Bicep.CommandLine.linux-x64 (tools/bicep), run offline.
/// </summary>
public static partial class BicepCli
{
    private const string PackageId = "azure.bicep.commandline.linux-x64";

    public static string InfraFolder { get; } = Metadata("InfraFolder")
        ?? throw new InvalidOperationException("InfraFolder metadata missing from the test assembly");

    public static string ExecutablePath { get; } = Locate();

    /// <summary>Runs bicep with the arguments; returns exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No telemetry or tracing; only local modules are used, so nothing needs the network.
        start.Environment["BICEP_TRACING_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 3 minutes");
        }

        return (process.ExitCode, standardOutput.Result + standardError.Result);
    }

    /// <summary>Diagnostic lines ("file(line,col) : Warning|Error|Info CODE: ...") in bicep output.</summary>
    public static IReadOnlyList<string> Diagnostics(string output) =>
        output.Split('\n').Select(line => line.TrimEnd()).Where(line => DiagnosticLine().IsMatch(line)).ToList();

    [GeneratedRegex(@"\) : (Warning|Error|Info) ")]
    private static partial Regex DiagnosticLine();

    private static string Locate()
    {
        var candidates = new List<string>();
        if (Metadata("BicepPackageFolder") is { Length: > 0 } restored)
        {
            candidates.Add(Path.Combine(restored, "tools", "bicep"));
        }

        var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var version = CentralVersion();
        if (version is not null)
        {
            candidates.Add(Path.Combine(packages, PackageId, version, "tools", "bicep"));
        }

        var path = candidates.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"Bicep CLI not found (restore the test project first); looked at: {string.Join(", ", candidates)}");
        MakeExecutable(path);
        return path;
    }

    private static void MakeExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
        {
            File.SetUnixFileMode(path, mode | execute);
        }
    }

    private static string? CentralVersion()
    {
        var props = Path.Combine(InfraFolder, "..", "Directory.Packages.props");
        if (!File.Exists(props))
        {
            return null;
        }

        var match = Regex.Match(File.ReadAllText(props), "Include=\"Azure.Bicep.CommandLine.linux-x64\" Version=\"([^\"]+)\"");
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string? Metadata(string key) =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == key)?.Value;
}
