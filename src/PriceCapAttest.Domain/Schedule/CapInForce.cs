using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>One line of "the caps in force on a date": what <c>pricecap schedule</c> and the API list.</summary>
public sealed record CapInForce(string Regime, ProductCategory Category, CapPeriod? Period, DateOnly AsOf)
{
    public const string StatusConfirmed = "confirmed";
    public const string StatusUnconfirmed = "unconfirmed";
    public const string StatusPastReview = "pastReview";

    /// <summary>
    /// confirmed; unconfirmed (no source confirms the value); pastReview (confirmed, but the scheduled review it was
    /// known to hold until has passed, so it counts as unconfirmed); null when no cap is in force.
    /// </summary>
    public string? Status => Period switch
    {
        null => null,
        { Confirmed: false } => StatusUnconfirmed,
        var period when period.IsPastReview(AsOf) => StatusPastReview,
        _ => StatusConfirmed,
    };
}
