namespace PriceCapAttest.Domain.Documents;

/// <summary>The cap categories of the coalition (docs/cap-rules.md).</summary>
public enum ProductCategory
{
    Crude,
    PremiumToCrude,
    DiscountToCrude,
    OutOfScope,
}

public static class ProductCategories
{
    public static ProductCategory Of(string product) => product switch
    {
        "crude" => ProductCategory.Crude,
        "gasoline" or "diesel" or "kerosene" or "vgo" => ProductCategory.PremiumToCrude,
        "naphtha" or "fuel_oil" or "other_2710" => ProductCategory.DiscountToCrude,
        _ => ProductCategory.OutOfScope,
    };

    /// <summary>The spelling used in the cap schedule and in rule ids.</summary>
    public static string ToScheduleName(this ProductCategory category) => category switch
    {
        ProductCategory.Crude => "crude",
        ProductCategory.PremiumToCrude => "premium",
        ProductCategory.DiscountToCrude => "discount",
        _ => "out-of-scope",
    };
}
