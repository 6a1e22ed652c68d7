using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>Where the pipeline's HTTP API is and the key to call it with.</summary>
public abstract class ApiConnectionSettings : CommandSettings
{
    [CommandOption("--api <URL>")]
    [Description("Base address of the API. Default: " + ApiClient.ApiVariable + ", else " + ApiClient.DefaultApi + " (./run.sh).")]
    public string? Api { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("API key (x-functions-key). Default: " + ApiClient.KeyVariable + ", else the local host's development key of the command's role.")]
    public string? Key { get; init; }

    public override ValidationResult Validate() =>
        Api is not null && !Uri.TryCreate(Api, UriKind.Absolute, out _)
            ? ValidationResult.Error("--api must be an absolute URL, e.g. " + ApiClient.DefaultApi + ".")
            : ValidationResult.Success();
}
