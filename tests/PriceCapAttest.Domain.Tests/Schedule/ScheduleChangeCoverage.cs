using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Tests.Schedule;

/// <summary>Which cargoes a <see cref="ScheduleChange"/> covers (<see cref="ScheduleChange.Covers"/>).</summary>
public class ScheduleChangeCoverage
{
    private static readonly ScheduleChange EuCrude = new(ScheduleChangeKind.Period, "EU-CRUDE-2026-02-01", "EU", ProductCategory.Crude, null,
        new DateOnly(2026, 2, 1), new DateOnly(2026, 7, 14), "EU crude");

    private static readonly string[] Eu = ["EU"];

    [Theory]
    [InlineData("2026-01-31", false)]
    [InlineData("2026-02-01", true)]
    [InlineData("2026-07-14", true)]
    [InlineData("2026-07-15", false)]
    public void Both_ends_of_the_loading_dates_are_included(string date, bool covered) =>
        Assert.Equal(covered, EuCrude.Covers(Eu, ProductCategory.Crude, "crude", DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void A_cargo_that_does_not_engage_the_regime_is_not_covered()
    {
        Assert.False(EuCrude.Covers(["US", "GB"], ProductCategory.Crude, "crude", new DateOnly(2026, 3, 1)));
        Assert.False(EuCrude.Covers([], ProductCategory.Crude, "crude", new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void A_change_without_a_regime_covers_cargo_engaging_none()
    {
        var countries = EuCrude with { Kind = ScheduleChangeKind.Countries, Regime = null, Category = null, From = DateOnly.MinValue, To = DateOnly.MaxValue };

        Assert.True(countries.Covers([], ProductCategory.OutOfScope, "lng", new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void Another_category_is_not_covered() =>
        Assert.False(EuCrude.Covers(Eu, ProductCategory.PremiumToCrude, "diesel", new DateOnly(2026, 3, 1)));

    [Fact]
    public void The_category_is_taken_from_the_product_when_not_given()
    {
        Assert.False(EuCrude.Covers(Eu, null, "diesel", new DateOnly(2026, 3, 1)));
        Assert.True(EuCrude.Covers(Eu, null, "crude", new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void An_unknown_category_and_product_are_covered() =>
        Assert.True(EuCrude.Covers(Eu, null, null, new DateOnly(2026, 3, 1)));

    [Fact]
    public void A_product_change_covers_only_that_product()
    {
        var vgo = new ScheduleChange(ScheduleChangeKind.ConversionFactor, "vgo", null, null, "vgo", DateOnly.MinValue, DateOnly.MaxValue, "vgo");

        Assert.True(vgo.Covers(Eu, ProductCategory.PremiumToCrude, "vgo", new DateOnly(2026, 3, 1)));
        Assert.False(vgo.Covers(Eu, ProductCategory.PremiumToCrude, "diesel", new DateOnly(2026, 3, 1)));
    }
}
