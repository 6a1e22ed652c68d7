using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class CheckSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Attestation files (.json, .csv) or directories, searched recursively (other extensions skipped there).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default, for people) or json (exactly the result array on stdout).")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;

    [CommandOption("-s|--schedule <FILE>")]
    [Description("A cap schedule file replacing the embedded default (same shape as cap-schedule.json).")]
    public string? Schedule { get; init; }

    public override ValidationResult Validate() =>
        Paths.Length == 0 ? ValidationResult.Error("Give at least one PATH (a .json or .csv file, or a directory).") : ValidationResult.Success();
}
