using System.Globalization;
using PriceCapAttest.Contracts;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>Answers of the HTTP API for people (<c>pricecap status</c>).</summary>
public static class StatusView
{
    public static void WriteAttestation(IAnsiConsole console, AttestationAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(answer);
        var version = answer.Version.ToString(CultureInfo.InvariantCulture);
        var current = answer.Version == answer.CurrentVersion ? "current" : $"current is v{answer.CurrentVersion.ToString(CultureInfo.InvariantCulture)}";
        console.MarkupLine($"[bold]{Markup.Escape(answer.ShipperId)}/{Markup.Escape(answer.AttestationId ?? "-")}[/] v{version} of {answer.Versions.ToString(CultureInfo.InvariantCulture)} ({current}): {VerdictStyle.Markup(answer.Verdict)}");
        console.MarkupLine($"[grey]{Markup.Escape(answer.BlobPath)}, received {answer.ReceivedAt.ToString("u", CultureInfo.InvariantCulture)}, sha256 {Markup.Escape(answer.Sha256)}, schedule {Markup.Escape(answer.ScheduleVersion ?? "-")}[/]");
        EvaluationView.Write(console, answer);

        if (answer.Regimes.Count > 0)
        {
            var regimes = new Table().Border(TableBorder.Rounded);
            regimes.AddColumn("Regime");
            regimes.AddColumn("Verdict");
            regimes.AddColumn(new TableColumn("Price").RightAligned());
            regimes.AddColumn(new TableColumn("Cap").RightAligned());
            regimes.AddColumn("Rule");
            regimes.AddColumn("Reasons");
            foreach (var regime in answer.Regimes)
            {
                regimes.AddRow(
                    Markup.Escape(regime.Regime), VerdictStyle.Markup(regime.Verdict),
                    regime.PriceUsdPerBbl?.ToString(CultureInfo.InvariantCulture) ?? "-", regime.CapUsdPerBbl?.ToString(CultureInfo.InvariantCulture) ?? "-",
                    Markup.Escape(regime.RuleId ?? "-"), Markup.Escape(string.Join(", ", regime.Reasons)));
            }

            console.Write(regimes);
        }

        foreach (var error in answer.Errors)
            console.MarkupLine($"[red]error[/] {Markup.Escape(error.Field)}: {Markup.Escape(error.Message)}");
        if (answer.Flags.Count > 0)
            console.MarkupLine($"Flags: {Markup.Escape(string.Join(", ", answer.Flags))}");

        if (answer.Alerts.Count == 0)
        {
            console.MarkupLine("[grey]No alerts for this version.[/]");
            return;
        }

        var alerts = new Table().Border(TableBorder.Rounded).Title("Alerts");
        alerts.AddColumn("Regime");
        alerts.AddColumn("Event");
        alerts.AddColumn("Endpoint");
        alerts.AddColumn("Status");
        alerts.AddColumn(new TableColumn("Attempts").RightAligned());
        alerts.AddColumn("Last error");
        foreach (var alert in answer.Alerts)
        {
            var colour = alert.Status switch
            {
                AlertDeliveryStatus.Delivered => "green",
                AlertDeliveryStatus.Failed => "red",
                _ => "yellow",
            };
            alerts.AddRow(
                Markup.Escape(alert.Regime), Markup.Escape(alert.EventType), Markup.Escape(alert.Endpoint ?? "(no route)"),
                $"[{colour}]{alert.Status}[/]", alert.Attempts.ToString(CultureInfo.InvariantCulture), Markup.Escape(alert.LastError ?? ""));
        }

        console.Write(alerts);
    }

    public static void WriteVessel(IAnsiConsole console, string imo, IReadOnlyList<VesselAttestation> items)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
        {
            console.MarkupLine($"No attestations recorded for vessel {Markup.Escape(imo)} in that range.");
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title($"Vessel {Markup.Escape(imo)}");
        table.AddColumn("Loading date");
        table.AddColumn("Shipper / attestation");
        table.AddColumn("Version");
        table.AddColumn("Verdict");
        table.AddColumn("Regimes");
        table.AddColumn("Flags");
        foreach (var item in items)
        {
            table.AddRow(
                item.LoadingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Markup.Escape($"{item.ShipperId}/{item.AttestationId}"),
                $"v{item.Version.ToString(CultureInfo.InvariantCulture)}/{item.Versions.ToString(CultureInfo.InvariantCulture)}",
                VerdictStyle.Markup(item.Verdict),
                string.Join(", ", item.Regimes.Select(r => $"{Markup.Escape(r.Regime)} {VerdictStyle.Markup(r.Verdict)}")),
                Markup.Escape(string.Join(", ", item.Flags)));
        }

        console.Write(table);
    }
}
