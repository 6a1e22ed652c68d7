using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>The options of the commands that ask the pipeline's HTTP API: where it is, the key, and the output format.</summary>
public abstract class ApiSettings : CommandSettings
{
    [CommandOption("--api <URL>")]
    [Description("Base address of the API. Default: " + ApiClient.ApiVariable + ", else " + ApiClient.DefaultApi + " (./run.sh).")]
    public string? Api { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("API key (x-functions-key). Default: " + ApiClient.KeyVariable + ", else the local host's development key of the command's role.")]
    public string? Key { get; init; }

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (the API's answer as it is).")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;

    public override ValidationResult Validate() =>
        Api is not null && !Uri.TryCreate(Api, UriKind.Absolute, out _)
            ? ValidationResult.Error("--api must be an absolute URL, e.g. " + ApiClient.DefaultApi + ".")
            : ValidationResult.Success();
}
