using System.Globalization;
using PriceCapAttest.Contracts;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>
/// Which evaluation of a version <c>pricecap status</c> shows, and the earlier evaluations re-screening replaced
/// (version.evaluation, verdict, schedule version, cause, when).
/// </summary>
public static class EvaluationView
{
    public static void Write(IAnsiConsole console, AttestationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(answer);
        var current = answer.Evaluation;
        var schedule = Markup.Escape(answer.ScheduleVersion ?? "-");
        console.MarkupLine(current.Cause == EvaluationCauses.Rescreen
            ? $"Evaluation {Number(answer.Version, current.Number)}: re-screening for schedule {schedule} (run {Markup.Escape(current.RescreenRunId ?? "-")}, {When(current.EvaluatedAt)})"
            : $"Evaluation {Number(answer.Version, current.Number)}: at ingest with schedule {schedule}");
        if (answer.History.Count == 0)
            return;

        var table = new Table().Border(TableBorder.Rounded).Title("Earlier evaluations");
        table.AddColumn("Evaluation");
        table.AddColumn("Verdict");
        table.AddColumn("Schedule");
        table.AddColumn("Cause");
        table.AddColumn("Evaluated");
        table.AddColumn("Replaced");
        foreach (var past in answer.History)
        {
            var cause = past.RescreenRunId is { } run ? $"{past.Cause} (run {run})" : past.Cause;
            table.AddRow(Number(answer.Version, past.Number), VerdictStyle.Markup(past.Verdict), Markup.Escape(past.ScheduleVersion ?? "-"),
                Markup.Escape(cause), When(past.EvaluatedAt), When(past.ReplacedAt));
        }

        console.Write(table);
    }

    private static string Number(int version, int evaluation) =>
        string.Create(CultureInfo.InvariantCulture, $"{version}.{evaluation}");

    private static string When(DateTimeOffset? time) => time?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
}
