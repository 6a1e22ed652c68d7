using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace PriceCapAttest.Cli.Commands;

public sealed class RescreenSettings : ApiSettings
{
    /// <summary>The local host's development key of the operator role (the re-screening routes).</summary>
    public const string DefaultKey = "local-operator-key";

    [CommandOption("--schedule <FILE>")]
    [Description("With --dry-run: the proposed cap schedule (JSON).")]
    public string? Schedule { get; init; }

    [CommandOption("--dry-run")]
    [Description("Ask the pipeline what publishing --schedule would change (POST /api/rescreens/dry-run); nothing is written.")]
    public bool DryRun { get; init; }

    [CommandOption("--status [RUNID]")]
    [Description("List the re-screening runs, or with a run id show that run and the attestations it changed.")]
    public FlagValue<string>? Status { get; init; }

    public override ValidationResult Validate()
    {
        if (Status is { IsSet: true } && (DryRun || Schedule is not null))
            return ValidationResult.Error("--status lists runs; it does not go with --schedule or --dry-run.");
        if (DryRun && string.IsNullOrWhiteSpace(Schedule))
            return ValidationResult.Error("--dry-run needs --schedule FILE, the proposed cap schedule.");
        return base.Validate();
    }
}
