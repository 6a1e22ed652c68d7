using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Evaluation;

/// <summary>The worked examples of the core issue: crude, origin RU, loaded 2026-03-10 unless said.</summary>
public class WorkedExamples
{
    [Fact]
    public void Fob_42_with_GB_EU_and_US_providers_is_compliant_everywhere()
    {
        var result = Evaluator().Evaluate(Crude(42.00m, providerCountries: ["GB", "GR", "US"]));

        Assert.Equal(Verdict.Compliant, result.Verdict);
        Assert.Equal(["EU", "GB", "US"], result.Regimes.Select(r => r.Regime).Order());
        Assert.All(result.Regimes, r => Assert.Equal(Verdict.Compliant, r.Verdict));
        Assert.Equal(44.10m, result.Regime("EU").CapUsdPerBbl);
        Assert.Equal(44.10m, result.Regime("GB").CapUsdPerBbl);
        Assert.Equal(60.00m, result.Regime("US").CapUsdPerBbl);
        Assert.Equal(["PriceAtOrBelowCap"], result.Regime("EU").Reasons);
    }

    [Fact]
    public void Fob_46_violates_the_EU_and_GB_caps_but_not_the_US_cap()
    {
        var result = Evaluator().Evaluate(Crude(46.00m, providerCountries: ["GB", "GR", "US"]));

        Assert.Equal(Verdict.Violation, result.Verdict);
        Assert.Equal(Verdict.Violation, result.Regime("EU").Verdict);
        Assert.Equal(Verdict.Violation, result.Regime("GB").Verdict);
        Assert.Equal(Verdict.Compliant, result.Regime("US").Verdict);
        Assert.Equal("EU-CRUDE-2026-02-01", result.Regime("EU").RuleId);
        Assert.Equal("US-CRUDE-2022-12-05", result.Regime("US").RuleId);
        Assert.Equal(46.00m, result.Regime("EU").PriceUsdPerBbl);
        Assert.Equal(["PriceAboveCap"], result.Reasons);
        Assert.Equal(Verdict.Compliant, result.Regimes[^1].Verdict); // worst regimes are listed first
    }

    [Fact]
    public void Cif_52_less_itemised_freight_and_insurance_is_47_10_and_violates_the_EU_cap()
    {
        var document = Crude(52.00m, "CIF", providerCountries: ["GR"]).WithCosts(Cost("freight", 4.50m), Cost("insurance", 0.40m));

        var eu = Evaluator().Evaluate(document).Regime("EU");

        Assert.Equal(Verdict.Violation, eu.Verdict);
        Assert.Equal(47.10m, eu.PriceUsdPerBbl);
    }

    [Fact]
    public void Cif_52_without_itemised_costs_needs_review()
    {
        var result = Evaluator().Evaluate(Crude(52.00m, "CIF", providerCountries: ["GR"]));

        Assert.Equal(Verdict.NeedsReview, result.Verdict);
        Assert.Equal(["MissingItemizedAncillaryCosts"], result.Regime("EU").Reasons);
    }

    [Fact]
    public void Price_per_tonne_with_the_standard_factor_near_the_cap_needs_review()
    {
        var result = Evaluator().Evaluate(Crude(320m, unit: "t", providerCountries: ["GR"]));

        var eu = result.Regime("EU");
        Assert.Equal(Verdict.NeedsReview, eu.Verdict);
        Assert.Equal(["AssumedConversionFactorNearCap"], eu.Reasons);
        Assert.Equal(43.6562m, eu.PriceUsdPerBbl);
        Assert.Contains("AssumedConversionFactor", result.Flags);
    }

    [Fact]
    public void Price_per_tonne_with_api_gravity_is_44_17_and_violates_the_EU_cap()
    {
        var document = Crude(320m, unit: "t", providerCountries: ["GR"]);
        document = document with { Cargo = document.Cargo! with { ApiGravity = 31.5m } };

        var result = Evaluator().Evaluate(document);

        Assert.Equal(Verdict.Violation, result.Regime("EU").Verdict);
        Assert.Equal(44.17m, Math.Round(result.Regime("EU").PriceUsdPerBbl!.Value, 2));
        Assert.DoesNotContain("AssumedConversionFactor", result.Flags);
    }

    [Fact]
    public void Diesel_at_95_is_under_the_premium_cap_of_100()
    {
        var result = Evaluator().Evaluate(Crude(95.00m, providerCountries: ["GR"]).WithProduct("diesel", "2710.19"));

        Assert.Equal(Verdict.Compliant, result.Regime("EU").Verdict);
        Assert.Equal(100.00m, result.Regime("EU").CapUsdPerBbl);
        Assert.Equal("EU-PREMIUM-2023-02-05", result.Regime("EU").RuleId);
    }

    [Fact]
    public void Naphtha_at_50_is_over_the_discount_cap_of_45()
    {
        var result = Evaluator().Evaluate(Crude(50.00m, providerCountries: ["GR"]).WithProduct("naphtha", "2710.12"));

        Assert.Equal(Verdict.Violation, result.Regime("EU").Verdict);
        Assert.Equal(45.00m, result.Regime("EU").CapUsdPerBbl);
    }

    [Fact]
    public void Kazakh_cpc_blend_loaded_at_a_russian_port_needs_its_owner_for_the_EU()
    {
        // Reg. 833/2014 Art. 3n(1) covers oil "exported from Russia"; the carve-out needs a non-Russian origin and owner.
        var document = Crude(70m, providerCountries: ["GR", "US"]);
        document = document with
        {
            Cargo = document.Cargo! with { Origin = "KZ", Grade = "CPC Blend" },
            Voyage = document.Voyage! with { LoadPort = "RUNVS" },
        };

        var result = Evaluator().Evaluate(document);

        Assert.Equal(Verdict.NeedsReview, result.Verdict);
        Assert.Equal(["OwnerRequiredForExport"], result.Regime("EU").Reasons);
        Assert.Equal(["NonRussianOrigin"], result.Regime("US").Reasons);
        Assert.Null(result.Regime("EU").CapUsdPerBbl);
        Assert.Contains("LoadedInRussia", result.Flags);
    }

    [Fact]
    public void Lng_is_out_of_scope()
    {
        var result = Evaluator().Evaluate(Crude(70m, providerCountries: ["GR"]).WithProduct("lng", "2711.11"));

        Assert.Equal(Verdict.Exempt, result.Verdict);
        Assert.Equal(["ProductOutOfScope"], result.Regime("EU").Reasons);
    }

    [Fact]
    public void Liberian_flag_and_emirati_attestor_without_providers_have_no_coalition_nexus()
    {
        var result = Evaluator().Evaluate(Crude(70m));

        Assert.Equal(Verdict.Exempt, result.Verdict);
        Assert.Equal(["NoCoalitionNexus"], result.Reasons);
        Assert.Empty(result.Regimes);
    }

    [Theory]
    [InlineData("2026-03-20", Verdict.Compliant, 47.60, null)]
    [InlineData("2026-04-20", Verdict.Violation, 44.10, null)]
    [InlineData(null, Verdict.NeedsReview, 44.10, "DischargeDateRequiredForTransition")]
    public void Eu_transition_to_44_10_depends_on_the_discharge_date(string? discharged, Verdict expected, double cap, string? reason)
    {
        var document = Crude(46.00m, providerCountries: ["GR"]).WithDates("2026-01-10", "2026-02-05", discharged);

        var eu = Evaluator().Evaluate(document).Regime("EU");

        Assert.Equal(expected, eu.Verdict);
        Assert.Equal((decimal)cap, eu.CapUsdPerBbl);
        if (reason is not null) Assert.Equal([reason], eu.Reasons);
    }
}
