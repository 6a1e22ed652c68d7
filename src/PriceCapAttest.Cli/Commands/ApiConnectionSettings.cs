using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

/// <summary>Where the pipeline's HTTP API is and how to call it: a key or an Entra ID token (<see cref="ApiCredentials"/>).</summary>
public abstract class ApiConnectionSettings : CommandSettings
{
    [CommandOption("--api <URL>")]
    [Description("Base address of the API. Default: " + ApiClient.ApiVariable + ", else " + ApiClient.DefaultApi + " (./run.sh).")]
    public string? Api { get; init; }

    [CommandOption("--key <KEY>")]
    [Description("API key (x-functions-key). Default: " + ApiCredentials.KeyVariable + ", else (without " + ApiCredentials.ScopeVariable + ") the local host's development key of the command's role.")]
    public string? Key { get; init; }

    [CommandOption("--entra [SCOPE]")]
    [Description("Call with an Entra ID token for SCOPE (e.g. api://CLIENT-ID/.default) from DefaultAzureCredential (az login, managed identity...) instead of a key. Default scope: " + ApiCredentials.ScopeVariable + ", which alone also selects a token.")]
    public FlagValue<string>? Entra { get; init; }

    /// <summary>Null without --entra, "" for --entra without a scope.</summary>
    public string? EntraScope => Entra is { IsSet: true } entra ? entra.Value ?? "" : null;

    public override ValidationResult Validate()
    {
        if (Api is not null && !Uri.TryCreate(Api, UriKind.Absolute, out _))
            return ValidationResult.Error("--api must be an absolute URL, e.g. " + ApiClient.DefaultApi + ".");
        return Key is not null && EntraScope is not null
            ? ValidationResult.Error("Give --key or --entra, not both.")
            : ValidationResult.Success();
    }
}
