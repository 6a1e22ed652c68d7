using System.ComponentModel;
using PriceCapAttest.Cli.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class SubmitSettings : ApiConnectionSettings
{
    /// <summary>
    /// The local host's development key of the shipper <c>demo</c> (the receipts route shows a shipper its own
    /// receipts only: another shipper needs its own key, or the operator's).
    /// </summary>
    public const string DefaultKey = "local-shipper-key";

    [CommandArgument(0, "<PATH>")]
    [Description("Attestation files (.json, .csv) or directories (searched recursively for .json and .csv files).")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--shipper <ID>")]
    [Description("Your shipper id: documents go to attestations/{shipper}/{name}.")]
    public string? Shipper { get; init; }

    [CommandOption("--account-url <URL>")]
    [Description("The storage account's blob address, https://ACCOUNT.blob.core.windows.net, signed in with Entra ID (az login, managed identity...). Default: " + BlobStorage.AccountUrlVariable + ".")]
    public string? AccountUrl { get; init; }

    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Storage connection string instead of --account-url; default: the " + BlobStorage.ConnectionVariable + " environment variable, else the local emulator (" + BlobStorage.DevelopmentStorage + ").")]
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

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0)
            return ValidationResult.Error("Give at least one PATH (a .json or .csv file, or a directory).");
        if (string.IsNullOrWhiteSpace(Shipper))
            return ValidationResult.Error("--shipper is required.");
        if (Shipper.Contains('/', StringComparison.Ordinal) || Shipper.Any(char.IsControl) || Shipper.Length > 256)
            return ValidationResult.Error("--shipper must be one path segment: no '/' or control characters, at most 256 characters.");
        if (Timeout is < 1 or > 3600)
            return ValidationResult.Error("--timeout must be between 1 and 3600 seconds.");
        return base.Validate();
    }
}
