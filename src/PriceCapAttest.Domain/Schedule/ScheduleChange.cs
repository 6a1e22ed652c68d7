using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// One difference between two schedules, with the cargoes it can affect: those whose loading date is in
/// [<paramref name="From"/>, <paramref name="To"/>] (both inclusive; <see cref="DateOnly.MinValue"/> /
/// <see cref="DateOnly.MaxValue"/> for unbounded), of <paramref name="Category"/> (null = any),
/// <paramref name="Product"/> (null = any; the cargo.product vocabulary value), engaging
/// <paramref name="Regime"/> (null = any regime: a change of country list, say, can make a cargo engage a regime it
/// did not engage before). <paramref name="Subject"/> is the id of what changed (rule, transition, licence, product
/// or regime code).
/// </summary>
public sealed record ScheduleChange(
    ScheduleChangeKind Kind,
    string Subject,
    string? Regime,
    ProductCategory? Category,
    string? Product,
    DateOnly From,
    DateOnly To,
    string Description)
{
    /// <summary>
    /// True when a cargo with these facts can be affected: loaded within [From, To], engaging <see cref="Regime"/>
    /// (among <paramref name="engagedRegimes"/>, as the older schedule saw them), of <see cref="Category"/> and
    /// <see cref="Product"/>. A null <paramref name="category"/> or <paramref name="product"/> is unknown and
    /// matches (the category is taken from the product when only the product is given).
    /// </summary>
    public bool Covers(IReadOnlyCollection<string> engagedRegimes, ProductCategory? category, string? product, DateOnly loadingDate)
    {
        ArgumentNullException.ThrowIfNull(engagedRegimes);
        if (loadingDate < From || loadingDate > To) return false;
        if (Regime is not null && !engagedRegimes.Contains(Regime, StringComparer.Ordinal)) return false;
        var cargoCategory = category ?? (product is null ? null : ProductCategories.Of(product));
        if (Category is { } wanted && cargoCategory is { } actual && actual != wanted) return false;
        return Product is null || product is null || Product == product;
    }
}
