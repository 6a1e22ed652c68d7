using Azure.Core;
using Azure.Identity;
using Spectre.Console;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>
/// What the commands write to and read the time, environment and Entra ID credential from. The process uses the
/// real ones; tests pass test consoles, a memory stream for stdout, a fake clock and credential.
/// </summary>
public sealed class CliEnvironment
{
    /// <summary>Files above which <c>check</c> shows a progress display (when stderr is a terminal).</summary>
    public const int DefaultProgressThreshold = 20;

    public required IAnsiConsole Out { get; init; }

    public required IAnsiConsole Error { get; init; }

    /// <summary>Raw stdout, for machine-readable output (JSON) that must not pass through console rendering.</summary>
    public required Stream StandardOutput { get; init; }

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public bool OutputIsTerminal { get; init; }

    public bool ErrorIsTerminal { get; init; }

    public int ProgressThreshold { get; init; } = DefaultProgressThreshold;

    /// <summary>The Entra ID credential for --entra, created only when a token is needed; tests pass a fake one.</summary>
    public Func<TokenCredential> CreateCredential { get; init; } = () => new DefaultAzureCredential();

    /// <summary>Reads an environment variable; tests pass their own environment.</summary>
    public Func<string, string?> Variable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The real console: tables and help on stdout, messages and progress on stderr.</summary>
    public static CliEnvironment FromConsole() => new()
    {
        Out = CreateConsole(Console.Out, Console.IsOutputRedirected),
        Error = CreateConsole(Console.Error, Console.IsErrorRedirected),
        StandardOutput = Console.OpenStandardOutput(),
        OutputIsTerminal = !Console.IsOutputRedirected,
        ErrorIsTerminal = !Console.IsErrorRedirected,
    };

    /// <summary>Writes <paramref name="json"/> and a newline to raw stdout (machine-readable output, not rendered).</summary>
    public async Task WriteRawLineAsync(string json, CancellationToken cancellationToken)
    {
        await using var stdout = new StreamWriter(StandardOutput, leaveOpen: true);
        await stdout.WriteLineAsync(json.AsMemory(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Width of tables written to a file or a pipe, which have no width of their own.</summary>
    public const int RedirectedWidth = 140;

    private static IAnsiConsole CreateConsole(TextWriter writer, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        if (redirected) console.Profile.Width = RedirectedWidth;
        return console;
    }
}
