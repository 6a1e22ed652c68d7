using System.Globalization;
using PriceCapAttest.Domain.Results;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>
/// Results for people: one row per attestation with the verdict in colour, a line per regime (verdict, price
/// compared, cap, rule id), the reasons of the verdict, flags and errors; then a summary of counts per verdict.
/// Rows are written in tables of at most <see cref="RowsPerTable"/> rows, so a very large file streams through.
/// </summary>
public sealed class TableResultWriter(IAnsiConsole console, string scheduleVersion) : IResultWriter
{
    public const int RowsPerTable = 200;

    private static readonly Verdict[] SummaryOrder =
        [Verdict.Violation, Verdict.NeedsReview, Verdict.Rejected, Verdict.Compliant, Verdict.Exempt];

    private readonly List<CheckResult> _pending = new(RowsPerTable);

    public void Write(CheckResult result)
    {
        _pending.Add(result);
        if (_pending.Count >= RowsPerTable) Flush();
    }

    public void Complete(CheckSummary summary)
    {
        Flush();
        console.MarkupLine(SummaryLine(summary));
        console.MarkupLine($"[grey]Cap schedule {Markup.Escape(scheduleVersion)}. Prices and caps in USD per barrel, FOB-equivalent.[/]");
    }

    public static string SummaryLine(CheckSummary summary)
    {
        var counts = SummaryOrder
            .Where(v => summary.Count(v) > 0)
            .Select(v => $"{summary.Count(v).ToString(CultureInfo.InvariantCulture)} {VerdictStyle.Markup(v)}");
        var files = summary.Files == 1 ? "1 file" : $"{summary.Files.ToString(CultureInfo.InvariantCulture)} files";
        var attestations = summary.Total == 1 ? "1 result" : $"{summary.Total.ToString(CultureInfo.InvariantCulture)} results";
        var line = $"[bold]{attestations}[/] from {files}";
        if (summary.Total > 0) line += ": " + string.Join(", ", counts);
        if (summary.UnreadableFiles > 0) line += $"; [red]{summary.UnreadableFiles.ToString(CultureInfo.InvariantCulture)} unreadable[/]";
        return line;
    }

    private void Flush()
    {
        if (_pending.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn(new TableColumn("Source #").NoWrap());
        table.AddColumn("Attestation");
        table.AddColumn(new TableColumn("Verdict").NoWrap());
        table.AddColumn("Regimes: price / cap, rule");
        table.AddColumn("Reasons, flags, errors");
        foreach (var result in _pending)
        {
            table.AddRow(
                new Markup($"{Markup.Escape(result.Source)} [grey]#{result.Index.ToString(CultureInfo.InvariantCulture)}[/]"),
                new Markup(Markup.Escape(result.AttestationId ?? "-")),
                new Markup($"[bold]{VerdictStyle.Markup(result.Verdict)}[/]"),
                new Markup(Regimes(result)),
                new Markup(Details(result)));
        }

        console.Write(table);
        _pending.Clear();
    }

    private static string Regimes(CheckResult result) =>
        result.Regimes.Count == 0
            ? "-"
            : string.Join("\n", result.Regimes.Select(Regime));

    private static string Regime(RegimeResult r)
    {
        var line = $"{Markup.Escape(r.Regime)} {VerdictStyle.Markup(r.Verdict)}";
        if (r.PriceUsdPerBbl is not null || r.CapUsdPerBbl is not null)
            line += $" {Formatting.Usd(r.PriceUsdPerBbl)} / {Formatting.Usd(r.CapUsdPerBbl)}";
        if (r.RuleId is not null) line += $" [grey]{Markup.Escape(r.RuleId)}[/]";
        return line;
    }

    private static string Details(CheckResult result)
    {
        var lines = new List<string>();
        lines.AddRange(result.Reasons.Select(r => Markup.Escape(r)));
        lines.AddRange(result.Flags.Select(f => $"[grey]flag[/] {Markup.Escape(f)}"));
        lines.AddRange(result.Errors.Select(e =>
            $"[magenta]{Markup.Escape(e.Field is "" or "$" ? "(file)" : e.Field)}[/] {Markup.Escape(e.Code)}: {Markup.Escape(e.Message)}"));
        return string.Join("\n", lines);
    }
}
