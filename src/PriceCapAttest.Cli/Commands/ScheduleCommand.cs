using System.ComponentModel;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary><c>pricecap schedule</c>: the caps in force per regime and category on a loading date, with sources.</summary>
[Description("List the caps in force per regime and category on a loading date, with their sources.")]
public sealed class ScheduleCommand(CliEnvironment environment) : Command<ScheduleSettings>
{
    public override int Execute(CommandContext context, ScheduleSettings settings, CancellationToken cancellationToken)
    {
        var schedule = ScheduleSource.Load(settings.Schedule);
        var asOf = settings.AsOfDate ?? DateOnly.FromDateTime(environment.Clock.GetUtcNow().UtcDateTime);
        var view = ScheduleView.Of(schedule, asOf);

        if (settings.Format == OutputFormat.Json)
        {
            JsonSerializer.Serialize(environment.StandardOutput, view, ResultJson.Options);
            environment.StandardOutput.Write("\n"u8);
            environment.StandardOutput.Flush();
            return ExitCodes.Ok;
        }

        WriteTable(schedule, view);
        return ExitCodes.Ok;
    }

    private void WriteTable(CapSchedule schedule, ScheduleView view)
    {
        var console = environment.Out;
        console.MarkupLine($"[bold]Caps in force for cargo loaded on {Formatting.Date(view.AsOf)}[/] (cap schedule {Markup.Escape(view.ScheduleVersion)}, USD per barrel, FOB)");
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("Regime").NoWrap());
        table.AddColumn(new TableColumn("Category").NoWrap());
        table.AddColumn(new TableColumn("Cap").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Rule").NoWrap());
        table.AddColumn(new TableColumn("From").NoWrap());
        table.AddColumn(new TableColumn("To (excl.)").NoWrap());
        table.AddColumn(new TableColumn("Status").NoWrap());
        foreach (var cap in view.Caps)
        {
            var status = cap.Confirmed switch
            {
                true => "[green]confirmed[/]",
                false => "[yellow]unconfirmed[/]",
                null => "[grey]no cap in force[/]",
            };
            table.AddRow(
                new Markup(Markup.Escape(cap.Regime)),
                new Markup(Markup.Escape(cap.Category)),
                new Markup(cap.CapUsdPerBbl is null ? "-" : $"[bold]{Formatting.Usd(cap.CapUsdPerBbl)}[/]"),
                new Markup(Markup.Escape(cap.RuleId ?? "-")),
                new Markup(Formatting.Date(cap.From)),
                new Markup(Formatting.Date(cap.To)),
                new Markup(status));
        }

        console.Write(table);
        console.MarkupLine("[bold]Instruments and sources[/]");
        foreach (var cap in view.Caps.Where(c => c.RuleId is not null))
        {
            var mark = cap.Confirmed == true ? "" : " [yellow](unconfirmed)[/]";
            console.MarkupLine($"  [bold]{Markup.Escape(cap.RuleId!)}[/]{mark}: {Markup.Escape(cap.Instrument ?? "")}. [grey]{Markup.Escape(cap.Source ?? "")}[/]"
                + (cap.Note is null ? "" : $" [grey italic]{Markup.Escape(cap.Note)}[/]"));
        }

        var windows = schedule.Sakhalin2Windows.Where(w => w.Contains(view.AsOf)).Select(w => w.Regime).ToList();
        if (windows.Count > 0)
            console.MarkupLine($"Sakhalin-2 crude discharged in Japan is exempt on this date under: {Markup.Escape(string.Join(", ", windows))}.");
        console.MarkupLine("[grey]Caps by loading date alone; a transition rule of the schedule can keep an older cap for a given cargo (pricecap check applies them).[/]");
    }
}
