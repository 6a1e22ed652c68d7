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
        var today = DateOnly.FromDateTime(environment.Clock.GetUtcNow().UtcDateTime);
        if (settings.Audit) return Audit(schedule, today, settings.Format);

        var view = ScheduleView.Of(schedule, settings.AsOfDate ?? today, today);
        if (settings.Format == OutputFormat.Json)
        {
            WriteJson(view);
            return ExitCodes.Ok;
        }

        WriteTable(view);
        return ExitCodes.Ok;
    }

    private int Audit(CapSchedule schedule, DateOnly today, OutputFormat format)
    {
        var findings = ScheduleAudit.Review(schedule, today);
        if (format == OutputFormat.Json)
        {
            WriteJson(new ScheduleAuditView(schedule.Version, today, [.. findings.Select(ScheduleAuditEntry.Of)]));
            return ExitCodes.Ok;
        }

        var console = environment.Out;
        console.MarkupLine($"[bold]Audit of cap schedule {Markup.Escape(schedule.Version)}[/] as of {Formatting.Date(today)}: the schedule is valid; {findings.Count} finding(s) to check.");
        foreach (var group in findings.GroupBy(f => f.Kind))
        {
            console.MarkupLine($"[bold]{ScheduleAuditEntry.KindName(group.Key)}[/] ({group.Count()})");
            foreach (var finding in group)
                console.MarkupLine($"  [yellow]{Markup.Escape(finding.Entry)}[/]: {Markup.Escape(finding.Message)}");
        }
        return ExitCodes.Ok;
    }

    private void WriteJson<T>(T value)
    {
        JsonSerializer.Serialize(environment.StandardOutput, value, ResultJson.Options);
        environment.StandardOutput.Write("\n"u8);
        environment.StandardOutput.Flush();
    }

    private void WriteTable(ScheduleView view)
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
            var status = cap.Status switch
            {
                CapInForce.StatusConfirmed => "[green]confirmed[/]",
                CapInForce.StatusUnconfirmed => "[yellow]unconfirmed[/]",
                CapInForce.StatusPastReview => $"[yellow]unconfirmed: review of {Formatting.Date(cap.KnownUntil)} passed[/]",
                _ => "[grey]no cap in force[/]",
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

        if (view.Licences.Count > 0)
        {
            console.MarkupLine("[bold]Licences open for cargo loaded on this date[/]");
            foreach (var licence in view.Licences)
            {
                var mark = licence.Confirmed ? "" : " [yellow](unconfirmed)[/]";
                var claim = licence.ClaimRequired ? $"claimed as exemption type {licence.Kind}" : "applies without a claim";
                console.MarkupLine($"  [bold]{Markup.Escape(licence.Id)}[/] ({licence.Regime}){mark}: {Markup.Escape(licence.Instrument)}; loaded before {Formatting.Date(licence.LoadedBefore)}; {claim}.");
            }
        }

        foreach (var warning in view.Warnings)
            console.MarkupLine($"[yellow bold]Warning[/] [yellow]{Markup.Escape(warning.Message)}[/]");
        console.MarkupLine("[grey]Caps by loading date alone; a transition rule of the schedule can keep an older cap for a given cargo (pricecap check applies them).[/]");
    }
}
