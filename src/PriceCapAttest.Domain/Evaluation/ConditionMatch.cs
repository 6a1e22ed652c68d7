namespace PriceCapAttest.Domain.Evaluation;

/// <summary>Whether a cargo meets a set of conditions; Unknown when a fact they need (discharge date or port) is missing.</summary>
internal enum ConditionMatch
{
    No,
    Yes,
    Unknown,

    /// <summary>Only a rule no source confirmed is met.</summary>
    Unconfirmed,
}
