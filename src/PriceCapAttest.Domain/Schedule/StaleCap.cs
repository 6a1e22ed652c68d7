using System.Globalization;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>A cap whose scheduled review has passed (as of <see cref="AsOf"/>) without a later period.</summary>
public sealed record StaleCap(CapPeriod Period, DateOnly AsOf)
{
    public string Regime => Period.Regime;

    public ProductCategory Category => Period.Category;

    public DateOnly ReviewDate => Period.KnownUntil!.Value;

    public string Message => string.Create(CultureInfo.InvariantCulture,
        $"{Regime} {Category.ToScheduleName()}: {Period.CapUsdPerBbl:0.00} ({Period.RuleId}) is known to hold only until the review of " +
        $"{ReviewDate:yyyy-MM-dd}, which has passed without a later period: for cargo loaded from {ReviewDate:yyyy-MM-dd} the cap counts as " +
        $"unconfirmed (a price above it needs review, never an alert). Publish a schedule with the review's outcome.");
}
