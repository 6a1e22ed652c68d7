using System.Globalization;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>Re-screening answers of the HTTP API for people (<c>pricecap rescreen</c>).</summary>
public static class RescreenView
{
    public static void WriteDryRun(IAnsiConsole console, RescreenDryRunReport report)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(report);
        console.MarkupLine($"Dry run of schedule [bold]{Markup.Escape(report.ProposedVersion)}[/] against [bold]{Markup.Escape(report.InForceVersion)}[/] in force (nothing written).");
        console.MarkupLine($"[grey]sha256 {Markup.Escape(report.ProposedSha256)}[/]");
        console.MarkupLine($"{N(report.Examined)} examined in {N(report.Months)} month(s): {N(report.Changed)} would change, {N(report.Unchanged)} unchanged, {N(report.Unavailable)} unavailable.");
        if (report.Changes.Count > 0)
        {
            console.MarkupLine("Differences:");
            foreach (var change in report.Changes)
                console.MarkupLine($"  - {Markup.Escape(change)}");
        }

        if (report.Attestations.Count == 0)
        {
            console.MarkupLine("Publishing it would change no stored verdict.");
            return;
        }

        WriteCounts(console, report.Counts);
        WriteChanges(console, "Attestations that would change", report.Attestations);
    }

    public static void WriteRuns(IAnsiConsole console, IReadOnlyList<RescreenRun> runs)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            console.MarkupLine("No re-screening runs yet.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("Re-screening runs");
        foreach (var column in new[] { "Run", "Schedule", "Status", "Started", "Finished", "Months" })
            table.AddColumn(column);
        foreach (var column in new[] { "Examined", "Changed", "Unavailable", "Alerts" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var run in runs)
        {
            var p = run.Progress;
            table.AddRow(Markup.Escape(run.Id), Markup.Escape(run.ScheduleVersion), Status(run.Status), When(run.StartedAt), When(run.FinishedAt),
                $"{N(p.MonthsDone)}/{N(run.Months.Count)}", N(p.Examined), N(p.Changed), N(p.Unavailable), N(p.AlertsQueued));
        }

        console.Write(table);
    }

    public static void WriteRun(IAnsiConsole console, RescreenRun run, IReadOnlyList<RescreenChange> changes)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(changes);
        var p = run.Progress;
        console.MarkupLine($"Run [bold]{Markup.Escape(run.Id)}[/] for schedule [bold]{Markup.Escape(run.ScheduleVersion)}[/]: {Status(run.Status)}, started {When(run.StartedAt)}, finished {When(run.FinishedAt)}.");
        console.MarkupLine($"Months {N(p.MonthsDone)}/{N(run.Months.Count)}: {N(p.Examined)} examined, {N(p.Changed)} changed, {N(p.Unchanged)} unchanged, {N(p.Unavailable)} unavailable, {N(p.AlertsQueued)} alert(s) queued.");
        if (run.Error is not null)
            console.MarkupLine($"[red]error[/] {Markup.Escape(run.Error)}");
        foreach (var change in run.Changes)
            console.MarkupLine($"  - {Markup.Escape(change)}");
        if (changes.Count == 0)
        {
            console.MarkupLine("No attestation changed (so far).");
            return;
        }

        WriteCounts(console, run.Counts);
        WriteChanges(console, "Attestations changed", changes);
    }

    private static void WriteCounts(IAnsiConsole console, IReadOnlyList<RescreenCount> counts)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Verdict changes per regime");
        table.AddColumn("Regime");
        table.AddColumn("From");
        table.AddColumn("To");
        table.AddColumn(new TableColumn("Attestations").RightAligned());
        foreach (var count in counts)
            table.AddRow(Markup.Escape(count.Regime), Verdict(count.From), Verdict(count.To), N(count.Count));
        console.Write(table);
    }

    private static void WriteChanges(IAnsiConsole console, string title, IReadOnlyList<RescreenChange> changes)
    {
        var table = new Table().Border(TableBorder.Rounded).Title(title);
        foreach (var column in new[] { "Shipper / attestation", "Version", "Loading date", "Verdict", "Regimes", "Schedule" })
            table.AddColumn(column);
        foreach (var change in changes)
        {
            table.AddRow(
                Markup.Escape($"{change.ShipperId}/{change.AttestationId}"),
                "v" + N(change.Version),
                Formatting.Date(change.LoadingDate),
                $"{VerdictStyle.Markup(change.From)} → {VerdictStyle.Markup(change.To)}",
                string.Join(", ", change.Regimes.Select(r => $"{Markup.Escape(r.Regime)} {Verdict(r.From)} → {Verdict(r.To)}")),
                Markup.Escape($"{change.FromScheduleVersion ?? "-"} → {change.ToScheduleVersion ?? "-"}"));
        }

        console.Write(table);
    }

    private static string Verdict(Verdict? verdict) => verdict is { } v ? VerdictStyle.Markup(v) : "[grey](not engaged)[/]";

    private static string Status(string status) => status switch
    {
        RescreenStatuses.Finished => $"[green]{status}[/]",
        RescreenStatuses.Failed => $"[red]{status}[/]",
        RescreenStatuses.Superseded => $"[grey]{status}[/]",
        _ => $"[yellow]{Markup.Escape(status)}[/]",
    };

    private static string When(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "-";

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
