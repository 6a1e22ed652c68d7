namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>The exit codes of <c>pricecap</c> (README, "pricecap check").</summary>
public static class ExitCodes
{
    /// <summary>Every attestation is Compliant or Exempt (or there was none).</summary>
    public const int Ok = 0;

    /// <summary>Bad usage or an I/O error: a missing or unreadable path, a bad cap schedule.</summary>
    public const int UsageOrIoError = 1;

    /// <summary>At least one attestation is Violation, NeedsReview or Rejected.</summary>
    public const int AttentionNeeded = 2;
}
