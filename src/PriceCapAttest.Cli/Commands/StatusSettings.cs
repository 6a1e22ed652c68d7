using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class StatusSettings : ApiSettings
{
    [CommandOption("--shipper <ID>")]
    [Description("With --attestation: the shipper of the attestation.")]
    public string? Shipper { get; init; }

    [CommandOption("--attestation <ID>")]
    [Description("The attestation id: shows its current version (or --version), verdicts and alert deliveries.")]
    public string? Attestation { get; init; }

    [CommandOption("--version <N>")]
    [Description("With --attestation: a given version instead of the current one.")]
    public int? Version { get; init; }

    [CommandOption("--vessel <IMO>")]
    [Description("Lists the current attestations of a vessel by loading date.")]
    public string? Vessel { get; init; }

    [CommandOption("--from <DATE>")]
    [Description("With --vessel: first loading date (yyyy-MM-dd), inclusive.")]
    public string? From { get; init; }

    [CommandOption("--to <DATE>")]
    [Description("With --vessel: last loading date (yyyy-MM-dd), inclusive.")]
    public string? To { get; init; }

    public override ValidationResult Validate()
    {
        var byAttestation = Attestation is not null || Shipper is not null;
        if (byAttestation == (Vessel is not null))
            return ValidationResult.Error("Give either --shipper and --attestation, or --vessel.");
        if (byAttestation && (string.IsNullOrWhiteSpace(Shipper) || string.IsNullOrWhiteSpace(Attestation)))
            return ValidationResult.Error("--shipper and --attestation go together.");
        if (Version is < 1)
            return ValidationResult.Error("--version must be 1 or more.");
        return base.Validate();
    }
}
