using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Input;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Domain.Results;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap check</c>: checks attestation files offline and streams one result per attestation. Exit code 0
/// when nothing needs attention, 2 when a result is Violation, NeedsReview or Rejected, 1 for usage or I/O errors.
/// </summary>
[Description("Check attestation documents against the price caps.")]
public sealed class CheckCommand(CliEnvironment environment) : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var schedule = ScheduleSource.Load(settings.Schedule);
        var files = PathExpander.Expand(settings.Paths);
        var run = new CheckRun(new CheckerSet(schedule, environment.Clock), environment.Error, cancellationToken);

        var showProgress = environment.ErrorIsTerminal
            && files.Count > environment.ProgressThreshold
            && (settings.Format == OutputFormat.Table || !environment.OutputIsTerminal);
        // With both streams on the same terminal, tables go through the console that draws the progress bar,
        // which keeps the bar below them; otherwise stdout (a pipe or a file) gets the tables.
        var tableConsole = showProgress && environment.OutputIsTerminal ? environment.Error : environment.Out;

        if (settings.Format == OutputFormat.Json)
        {
            using var json = new JsonResultWriter(environment.StandardOutput);
            return Finish(Run(run, files, json, showProgress));
        }

        return Finish(Run(run, files, new TableResultWriter(tableConsole, schedule.Version), showProgress));
    }

    private CheckSummary Run(CheckRun run, IReadOnlyList<InputFile> files, IResultWriter writer, bool showProgress)
    {
        if (!showProgress)
        {
            foreach (var file in files) run.CheckFile(file, writer);
        }
        else
        {
            environment.Error.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(progress =>
                {
                    var task = progress.AddTask($"Checking {files.Count} files", maxValue: files.Count);
                    foreach (var file in files)
                    {
                        run.CheckFile(file, writer);
                        task.Increment(1);
                    }
                });
        }

        writer.Complete(run.Summary);
        return run.Summary;
    }

    private static int Finish(CheckSummary summary) =>
        summary.UnreadableFiles > 0 ? ExitCodes.UsageOrIoError
        : summary.NeedsAttention ? ExitCodes.AttentionNeeded
        : ExitCodes.Ok;
}
