using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class ReplayAlertsSettings : CommandSettings
{
    [CommandOption("--shipper <ID>")]
    [Description("With --attestation: replay the Failed alerts of this attestation only.")]
    public string? Shipper { get; init; }

    [CommandOption("--attestation <ID>")]
    [Description("With --shipper: the attestation whose Failed alerts are replayed. Without both: every Failed alert.")]
    public string? Attestation { get; init; }

    [CommandOption("--connection <CONNECTION_STRING>")]
    [Description("Storage connection string; default: the AzureWebJobsStorage environment variable, else the local emulator (UseDevelopmentStorage=true).")]
    public string? Connection { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Shipper) != string.IsNullOrWhiteSpace(Attestation)
            ? ValidationResult.Error("Give both --shipper and --attestation, or neither (every Failed alert).")
            : ValidationResult.Success();
}
