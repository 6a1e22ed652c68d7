using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Tests.Schedule;

public class DefaultSchedule
{
    private static readonly CapSchedule Schedule = CapScheduleLoader.LoadDefault();

    [Fact]
    public void Loads_and_names_its_version() => Assert.False(string.IsNullOrWhiteSpace(Schedule.Version));

    [Fact]
    public void Every_coalition_regime_has_a_cap_for_every_category_today()
    {
        var inForce = Schedule.InForceOn(new DateOnly(2026, 11, 28));

        Assert.Equal(CapScheduleLoader.KnownRegimes.Count * 3, inForce.Count);
        Assert.All(inForce, c => Assert.NotNull(c.Period));
    }

    [Theory]
    [InlineData("US", "2026-11-28", 60.00)]
    [InlineData("EU", "2025-09-02", 60.00)]
    [InlineData("EU", "2025-09-03", 47.60)]
    [InlineData("EU", "2026-01-31", 47.60)]
    [InlineData("EU", "2026-02-01", 44.10)]
    [InlineData("GB", "2026-02-01", 44.10)]
    [InlineData("JP", "2025-09-11", 60.00)]
    [InlineData("JP", "2025-09-12", 47.60)]
    public void Crude_caps_by_loading_date(string regime, string date, double cap)
    {
        var period = Schedule.InForceOn(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture))
            .Single(c => c.Regime == regime && c.Category == ProductCategory.Crude).Period;

        Assert.Equal((decimal)cap, period!.CapUsdPerBbl);
    }

    [Fact]
    public void No_cap_before_the_introduction()
    {
        Assert.All(Schedule.InForceOn(new DateOnly(2022, 12, 4)), c => Assert.Null(c.Period));
    }

    [Fact]
    public void Every_entry_cites_an_instrument_and_a_source() =>
        Assert.All(Schedule.Periods, p => Assert.False(string.IsNullOrWhiteSpace(p.Instrument) || string.IsNullOrWhiteSpace(p.Source)));

    [Fact]
    public void Values_no_source_confirmed_are_marked_unconfirmed()
    {
        Assert.False(Schedule.Periods.Single(p => p.RuleId == "CH-CRUDE-2026-02-01").Confirmed);
        Assert.False(Schedule.Periods.Single(p => p.RuleId == "NO-CRUDE-2026-02-01").Confirmed);
        Assert.True(Schedule.Periods.Single(p => p.RuleId == "EU-CRUDE-2026-02-01").Confirmed);
    }

    [Fact]
    public void Eu_member_states_act_under_the_eu_regime()
    {
        Assert.Equal("EU", Schedule.RegimeOf("GR"));
        Assert.Equal("EU", Schedule.RegimeOf("MT"));
        Assert.Equal("GB", Schedule.RegimeOf("GB"));
        Assert.Null(Schedule.RegimeOf("LR"));
        Assert.Null(Schedule.RegimeOf("AE"));
    }

    [Fact]
    public void The_default_json_round_trips_to_the_same_schedule() =>
        Assert.Equal(Schedule.Periods, CapScheduleLoader.Load(CapScheduleLoader.DefaultJson()).Periods);
}
