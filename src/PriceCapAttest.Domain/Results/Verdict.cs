namespace PriceCapAttest.Domain.Results;

/// <summary>Declared from least to most severe, so the overall verdict is the maximum (Rejected aside).</summary>
public enum Verdict
{
    Exempt = 0,
    Compliant = 1,
    NeedsReview = 2,
    Violation = 3,
    Rejected = 4,
}
