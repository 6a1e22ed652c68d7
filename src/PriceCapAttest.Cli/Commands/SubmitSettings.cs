using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class SubmitSettings : ApiConnectionSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Attestation files (.json, .csv) or directories (searched recursively for .json and .csv files).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--shipper <ID>")]
    [Description("Only with --account-url or --connection: your shipper id, documents go to attestations/{shipper}/{name}. Through the API the shipper is the one your key or token belongs to.")]
    public string? Shipper { get; init; }

    [CommandOption("--account-url <URL>")]
    [Description("Upload straight to a storage account instead of through the API: its blob address, https://ACCOUNT.blob.core.windows.net, signed in with Entra ID (az login, managed identity...). Needs --shipper.")]
    public string? AccountUrl { get; init; }

    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Upload straight to storage with a connection string, e.g. " + BlobStorage.DevelopmentStorage + " for the local emulator. Needs --shipper.")]
    public string? Connection { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("How long to wait for the receipts. Default 120.")]
    [DefaultValue(120)]
    public int Timeout { get; init; } = 120;

    [CommandOption("-f|--format <FORMAT>")]
    [Description("table (default) or json (the receipts as a JSON array on stdout).")]
    [DefaultValue(OutputFormat.Table)]
    public OutputFormat Format { get; init; } = OutputFormat.Table;

    [CommandOption("--out <FILE>")]
    [Description("Also write the receipts (a JSON array) to FILE.")]
    public string? Out { get; init; }

    /// <summary>Straight to storage (--account-url or --connection) rather than through the API.</summary>
    public bool ToStorage => AccountUrl is not null || Connection is not null;

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0)
            return ValidationResult.Error("Give at least one PATH (a .json or .csv file, or a directory).");
        if (!ToStorage && Shipper is not null)
            return ValidationResult.Error("--shipper goes only with --account-url or --connection (straight to storage). Through the API your documents go under the shipper id of your key or token: leave --shipper out.");
        if (ToStorage && string.IsNullOrWhiteSpace(Shipper))
            return ValidationResult.Error("--shipper is required with --account-url or --connection.");
        if (Shipper is not null && (Shipper.Contains('/', StringComparison.Ordinal) || Shipper.Any(char.IsControl) || Shipper.Length > 256))
            return ValidationResult.Error("--shipper must be one path segment: no '/' or control characters, at most 256 characters.");
        if (Timeout is < 1 or > 3600)
            return ValidationResult.Error("--timeout must be between 1 and 3600 seconds.");
        return base.Validate();
    }
}
