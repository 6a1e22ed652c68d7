using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class ReplayAlertsSettings : ApiConnectionSettings
{
    /// <summary>The local host's development key of the operator role (the replay route).</summary>
    public const string DefaultKey = "local-operator-key";

    [CommandOption("--shipper <ID>")]
    [Description("With --attestation: replay the Failed alerts of this attestation only.")]
    public string? Shipper { get; init; }

    [CommandOption("--attestation <ID>")]
    [Description("With --shipper: the attestation whose Failed alerts are replayed. Without both: every Failed alert.")]
    public string? Attestation { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Shipper) != string.IsNullOrWhiteSpace(Attestation)
            ? ValidationResult.Error("Give both --shipper and --attestation, or neither (every Failed alert).")
            : base.Validate();
}
