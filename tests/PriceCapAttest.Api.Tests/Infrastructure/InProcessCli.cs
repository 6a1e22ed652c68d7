using System.Text;
using PriceCapAttest.Cli;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>Runs <c>pricecap</c> in-process, without colours, capturing the console text and raw stdout.</summary>
public static class InProcessCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var stdout = new MemoryStream();
        var environment = new CliEnvironment
        {
            Out = Console(output),
            Error = Console(error),
            StandardOutput = stdout,
        };
        var exitCode = await CliApp.Create(environment).RunAsync(args);
        return new CliRun(exitCode, output.ToString(), error.ToString(), Encoding.UTF8.GetString(stdout.ToArray()));
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 240;
        return console;
    }
}

/// <summary>The exit code, console text of stdout and stderr, and raw stdout (JSON) of one run.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error, string StandardOutput)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}{Output}{Environment.NewLine}{Error}{Environment.NewLine}{StandardOutput}";
}
