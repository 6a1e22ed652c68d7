using PriceCapAttest.Cli.Commands;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli;

/// <summary>The <c>pricecap</c> command line: every command is registered here.</summary>
public static class CliApp
{
    public static CommandApp Create(CliEnvironment environment)
    {
        var app = new CommandApp();
        app.Configure(config => Configure(config, environment));
        return app;
    }

    public static void Configure(IConfigurator config, CliEnvironment environment)
    {
        config.SetApplicationName("pricecap");
        config.SetApplicationVersion(CliVersion.Current);
        config.Settings.Console = environment.Out;
        config.Settings.Registrar.RegisterInstance(environment);
        config.SetExceptionHandler((exception, _) => ReportError(environment.Error, exception));

        config.AddCommand<CheckCommand>("check")
            .WithDescription("Check attestation documents (.json, .csv, directories) against the price caps.")
            .WithExample("check", "samples/")
            .WithExample("check", "--format", "json", "samples/json/violation-eu.json");
        config.AddBranch("schedule", schedule =>
        {
            schedule.SetDescription("List the caps in force per regime and category on a loading date, with their sources (options --as-of DATE, --schedule FILE, --format table|json, --audit for the operator's checklist); diff compares two schedule files.");
            schedule.SetDefaultCommand<ScheduleCommand>();
            schedule.AddExample("schedule", "--as-of", "2026-03-10");
            schedule.AddCommand<ScheduleDiffCommand>("diff")
                .WithDescription("Show what differs between two cap schedule files and which cargoes (loading dates, regime, category, product) each difference can affect.")
                .WithExample("schedule", "diff", "cap-schedule.json", "new-schedule.json")
                .WithExample("schedule", "diff", "--format", "json", "cap-schedule.json", "new-schedule.json");
        });
        // Commands that talk to a running pipeline (./run.sh, or Azure).
        config.AddCommand<SubmitCommand>("submit")
            .WithDescription("Send documents to the pipeline (through its API, or straight to storage with --account-url or --connection and --shipper), wait for their receipts and show the verdicts.")
            .WithExample("submit", "samples/json")
            .WithExample("submit", "--entra", "api://CLIENT-ID/.default", "--api", "https://APP.azurewebsites.net/api", "cargo.json")
            .WithExample("submit", "--connection", "UseDevelopmentStorage=true", "--shipper", "demo", "samples/json");
        config.AddCommand<StatusCommand>("status")
            .WithDescription("Show an attestation's recorded verdicts and alert deliveries, or a vessel's attestations (HTTP API).")
            .WithExample("status", "--shipper", "demo", "--attestation", "ATT-2026-0042")
            .WithExample("status", "--vessel", "9074729", "--from", "2026-01-01");
        config.AddCommand<RescreenCommand>("rescreen")
            .WithDescription("Preview what a proposed cap schedule would change in the stored verdicts (--schedule FILE --dry-run), or list re-screening runs (--status [RUNID]). Publishing is placing the schedule in config/cap-schedule.json.")
            .WithExample("rescreen", "--schedule", "new-schedule.json", "--dry-run")
            .WithExample("rescreen", "--status");
        config.AddBranch("alerts", alerts =>
        {
            alerts.SetDescription("Operator commands for regulator alerts.");
            alerts.AddCommand<ReplayAlertsCommand>("replay")
                .WithDescription("Queue Failed alert deliveries again (all, or one attestation's), e.g. after an endpoint was repaired.")
                .WithExample("alerts", "replay", "--shipper", "demo", "--attestation", "ATT-2026-0042");
        });
    }

    private static int ReportError(IAnsiConsole error, Exception exception)
    {
        switch (exception)
        {
            case UsageException usage:
                error.MarkupLine($"[red]error:[/] {Markup.Escape(usage.Message)}");
                foreach (var detail in usage.Details) error.MarkupLine($"  - {Markup.Escape(detail)}");
                return ExitCodes.UsageOrIoError;
            case OperationCanceledException:
                error.MarkupLine("[yellow]cancelled[/]");
                return ExitCodes.UsageOrIoError;
            case CommandAppException:
                error.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                error.MarkupLine("Run 'pricecap --help' for usage.");
                return ExitCodes.UsageOrIoError;
            case IOException or UnauthorizedAccessException:
                error.MarkupLine($"[red]error:[/] {Markup.Escape(exception.Message)}");
                return ExitCodes.UsageOrIoError;
            default:
                error.MarkupLine($"[red]internal error:[/] {Markup.Escape(exception.ToString())}");
                return ExitCodes.UsageOrIoError;
        }
    }
}
