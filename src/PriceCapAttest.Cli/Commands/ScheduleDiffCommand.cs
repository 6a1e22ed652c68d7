using System.ComponentModel;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>pricecap schedule diff OLD NEW</c>: what differs between two cap schedules and which cargoes each difference can
/// affect. Exits 0 whenever it ran, differences or not; 1 when a file is missing, unreadable or refused.
/// </summary>
[Description("Show what differs between two cap schedule files and which cargoes each difference can affect.")]
public sealed class ScheduleDiffCommand(CliEnvironment environment) : Command<ScheduleDiffSettings>
{
    public override int Execute(CommandContext context, ScheduleDiffSettings settings, CancellationToken cancellationToken)
    {
        var older = ScheduleSource.Load(settings.Old);
        var newer = ScheduleSource.Load(settings.New);
        var changes = ScheduleDiff.Between(older, newer).Select(ScheduleDiffEntry.Of).ToList();
        if (settings.Format == OutputFormat.Json)
        {
            JsonSerializer.Serialize(environment.StandardOutput, changes, ResultJson.Options);
            environment.StandardOutput.Write("\n"u8);
            environment.StandardOutput.Flush();
            return ExitCodes.Ok;
        }

        var console = environment.Out;
        var versions = $"cap schedule {Markup.Escape(older.Version)} and {Markup.Escape(newer.Version)}";
        if (changes.Count == 0)
        {
            console.MarkupLine($"No differences between {versions}: no result can change.");
            return ExitCodes.Ok;
        }

        console.MarkupLine($"[bold]Differences between {versions}[/]: {changes.Count} change(s), each with the cargoes it can affect.");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Kind").NoWrap());
        table.AddColumn(new TableColumn("Regime").NoWrap());
        table.AddColumn(new TableColumn("Category").NoWrap());
        table.AddColumn(new TableColumn("Product").NoWrap());
        table.AddColumn(new TableColumn("Loading dates").NoWrap());
        table.AddColumn(new TableColumn("Description"));
        foreach (var change in changes)
        {
            table.AddRow(
                Markup.Escape(change.Kind),
                Markup.Escape(change.Regime ?? "any"),
                Markup.Escape(change.Category ?? "any"),
                Markup.Escape(change.Product ?? "any"),
                Markup.Escape(change.LoadingDates),
                Markup.Escape(change.Description));
        }

        console.Write(table);
        console.MarkupLine("[grey]Regime \"any\": a change of countries or regimes can make any cargo engage a regime, or stop engaging one.[/]");
        return ExitCodes.Ok;
    }
}
