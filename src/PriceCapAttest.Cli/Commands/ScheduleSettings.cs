using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class ScheduleSettings : CommandSettings
{
    [CommandOption("--as-of <DATE>")]
    [Description("Loading date (yyyy-MM-dd) to list the caps for; default today (UTC).")]
    public string? AsOf { get; init; }

    [CommandOption("-s|--schedule <FILE>")]
    [Description("A cap schedule file replacing the embedded default.")]
    public string? Schedule { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;

    [CommandOption("--audit")]
    [Description("The operator's checklist: every unconfirmed, stale or unsourced entry, gaps, and changes of cap without transition rules. Exits 1 only when the schedule would be refused.")]
    public bool Audit { get; init; }

    public DateOnly? AsOfDate =>
        DateOnly.TryParseExact(AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public override ValidationResult Validate() =>
        AsOf is not null && AsOfDate is null
            ? ValidationResult.Error($"--as-of '{AsOf}' is not a date in the form yyyy-MM-dd.")
            : ValidationResult.Success();
}
