using System.Globalization;
using PriceCapAttest.Cli.Commands;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>The outcome of <c>pricecap submit</c> for people: one row per attestation of each document, or its refusal.</summary>
public static class SubmitView
{
    public static void Write(IAnsiConsole console, IReadOnlyList<SubmitOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(outcomes);
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Document");
        table.AddColumn("Attestation");
        table.AddColumn(new TableColumn("Verdict").NoWrap());
        table.AddColumn("Recorded as / errors");
        var counts = new Dictionary<Verdict, int>();
        foreach (var outcome in outcomes)
        {
            var document = Markup.Escape(outcome.Document);
            if (outcome.Refusal is { } refusal)
            {
                table.AddRow(new Markup(document), new Markup("-"), new Markup("[red]refused[/]"), new Markup(Markup.Escape(string.Join("; ", refusal))));
                continue;
            }

            if (outcome.Receipt is not { } receipt)
            {
                table.AddRow(new Markup(document), new Markup("-"), new Markup("[grey]no receipt[/]"), new Markup("[grey]not processed in time[/]"));
                continue;
            }

            if (receipt.Status == ReceiptStatus.Failed)
            {
                table.AddRow(new Markup(document), new Markup("-"), new Markup("[red]Failed[/]"), new Markup(Markup.Escape(receipt.Error ?? "")));
                continue;
            }

            foreach (var attestation in receipt.Attestations)
            {
                counts[attestation.Verdict] = counts.GetValueOrDefault(attestation.Verdict) + 1;
                var detail = attestation.Record is { } record
                    ? $"{record.ShipperId}/{record.AttestationId} v{record.Version.ToString(CultureInfo.InvariantCulture)}" + (attestation.Current ? "" : " (not current: a later upload exists)")
                    : string.Join("; ", attestation.Errors.Take(3).Select(e => string.IsNullOrEmpty(e.Field) ? e.Message : $"{e.Field}: {e.Message}"))
                      + (attestation.Errors.Count > 3 ? $" (+{(attestation.Errors.Count - 3).ToString(CultureInfo.InvariantCulture)} more)" : "");
                table.AddRow(
                    new Markup($"{document} [grey]#{attestation.Index.ToString(CultureInfo.InvariantCulture)}[/]"),
                    new Markup(Markup.Escape(attestation.AttestationId ?? "-")),
                    new Markup(VerdictStyle.Markup(attestation.Verdict)),
                    new Markup(Markup.Escape(detail)));
            }
        }

        console.Write(table);
        var summary = counts.OrderBy(c => c.Key).Select(c => $"{c.Value.ToString(CultureInfo.InvariantCulture)} {VerdictStyle.Markup(c.Key)}");
        var failed = outcomes.Count(o => o.Receipt?.Status == ReceiptStatus.Failed);
        var refused = outcomes.Count(o => o.Refusal is not null);
        var missing = outcomes.Count(o => o.Receipt is null && o.Refusal is null);
        var attestations = counts.Values.Sum();
        var line = $"[bold]{outcomes.Count.ToString(CultureInfo.InvariantCulture)} document(s), {attestations.ToString(CultureInfo.InvariantCulture)} attestation result(s)[/]: " + string.Join(", ", summary);
        if (failed > 0) line += $"; [red]{failed.ToString(CultureInfo.InvariantCulture)} failed[/]";
        if (refused > 0) line += $"; [red]{refused.ToString(CultureInfo.InvariantCulture)} refused by the API[/]";
        if (missing > 0) line += $"; [grey]{missing.ToString(CultureInfo.InvariantCulture)} without receipt[/]";
        console.MarkupLine(line);
    }
}
