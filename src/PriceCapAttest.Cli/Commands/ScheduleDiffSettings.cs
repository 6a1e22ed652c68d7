using System.ComponentModel;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>The arguments of <c>pricecap schedule diff</c> (the branch's --format applies; its other options do not).</summary>
public sealed class ScheduleDiffSettings : CommandSettings
{
    [CommandArgument(0, "<OLD>")]
    [Description("The cap schedule file in force so far.")]
    public string Old { get; init; } = "";

    [CommandArgument(1, "<NEW>")]
    [Description("The cap schedule file replacing it.")]
    public string New { get; init; } = "";

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json.")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;
}
