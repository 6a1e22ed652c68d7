using System.Text;
using Azure.Core;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>The outcome of one in-process run: exit code, raw stdout (JSON), the console text of stdout and stderr.</summary>
public sealed record CliRun(int ExitCode, string StandardOutput, string Out, string Error)
{
    /// <summary>Everything written to stdout: the raw stream (JSON) and the console (tables, help).</summary>
    public string AllStdout => StandardOutput + Out;
}

/// <summary>
/// Runs <c>pricecap</c> in-process on Spectre test consoles, with a fixed clock (2026-11-28 12:00 UTC unless
/// given), a memory stream for raw stdout, its own environment variables and a fake Entra ID credential.
/// </summary>
public static class InProcessCli
{
    public static readonly DateTimeOffset Today = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    /// <param name="variables">The environment the command sees (none by default: the developer's PRICECAP_* do not leak in).</param>
    /// <param name="credential">The Entra ID credential for --entra; by default one that has no token.</param>
    public static async Task<CliRun> RunAsync(string[] args, bool errorIsTerminal = false, int progressThreshold = CliEnvironment.DefaultProgressThreshold,
        DateTimeOffset? now = null, IReadOnlyDictionary<string, string>? variables = null, TokenCredential? credential = null)
    {
        var output = new TestConsole().Width(200);
        var error = new TestConsole().Width(200);
        if (errorIsTerminal) error.Interactive().EmitAnsiSequences();
        using var stdout = new MemoryStream();
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            StandardOutput = stdout,
            Clock = new FakeTimeProvider(now ?? Today),
            OutputIsTerminal = false,
            ErrorIsTerminal = errorIsTerminal,
            ProgressThreshold = progressThreshold,
            Variable = name => variables?.GetValueOrDefault(name),
            CreateCredential = () => credential ?? new FakeCredential(null),
        };

        var exitCode = await CliApp.Create(environment).RunAsync(args);
        return new CliRun(exitCode, Encoding.UTF8.GetString(stdout.ToArray()), output.Output, error.Output);
    }
}
