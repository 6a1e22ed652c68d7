using System.ComponentModel;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>The options of the commands that ask the pipeline's HTTP API and print its answer: the API, the key, and the output format.</summary>
public abstract class ApiSettings : ApiConnectionSettings
{
    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (the API's answer as it is).")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;
}
