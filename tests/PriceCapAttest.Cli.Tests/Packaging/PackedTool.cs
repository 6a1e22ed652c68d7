using System.Diagnostics;
using System.Reflection;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Packaging;

/// <summary>
/// Packs the CLI once (<c>dotnet pack</c> of the build under test) and installs it with <c>dotnet tool install</c>
/// from that package alone (a NuGet config that clears every other source), as the README tells a user to.
/// </summary>
public sealed class PackedTool : IAsyncLifetime
{
    private readonly TempDirectory _work = new();

    public string Command => Path.Combine(_work.Path, "tools", "pricecap");

    public string PackageFile { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var configuration = typeof(PackedTool).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var feed = Path.Combine(_work.Path, "feed");
        var project = Path.Combine(RepoPaths.Root, "src", "PriceCapAttest.Cli", "PriceCapAttest.Cli.csproj");
        await RunAsync("dotnet", "pack", project, "-c", configuration, "--no-build", "-o", feed, "-nologo");
        PackageFile = Directory.GetFiles(feed, "PriceCapAttest.Cli.*.nupkg").Single();

        var config = _work.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var version = Path.GetFileNameWithoutExtension(PackageFile)["PriceCapAttest.Cli.".Length..];
        await RunAsync("dotnet", "tool", "install", "PriceCapAttest.Cli", "--configfile", config,
            "--tool-path", Path.Combine(_work.Path, "tools"), "--version", version);
    }

    public Task DisposeAsync()
    {
        _work.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Runs the installed <c>pricecap</c> in the repository root.</summary>
    public Task<ProcessRun> RunToolAsync(params string[] args) => RunAsync(Command, args);

    private static async Task<ProcessRun> RunAsync(string fileName, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        // The installed apphost finds the runtime through DOTNET_ROOT: the one running these tests.
        start.Environment["DOTNET_ROOT"] = DotnetRoot();

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await process.WaitForExitAsync(timeout.Token);
        var run = new ProcessRun(process.ExitCode, await stdout, await stderr);
        if (fileName == "dotnet" && run.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', args)} failed ({run.ExitCode}):\n{run.Stdout}\n{run.Stderr}");
        }

        return run;
    }

    private static string DotnetRoot() =>
        Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root ? root
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? Path.GetDirectoryName(host)!
        : Path.GetDirectoryName(Environment.ProcessPath) is { } dir && File.Exists(Path.Combine(dir, "dotnet")) ? dir
        : "/usr/share/dotnet";
}
