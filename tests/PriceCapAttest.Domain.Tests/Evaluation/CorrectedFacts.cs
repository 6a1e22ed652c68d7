using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Evaluation;

/// <summary>
/// A worked example for each fact corrected on 2026-12-01 (docs/cap-rules.md, "Corrections of 2026-12-01"), each
/// naming its source.
/// </summary>
public class CorrectedFacts
{
    private static RegimeResult Check(AttestationDocument document, string regime) => Evaluator().Evaluate(document).Regime(regime);

    [Fact]
    public void Norway_applies_47_60_from_2025_09_05_not_60()
    {
        // regjeringen.no press release id3118084 of 2025-09-05: the EU's new cap "therefore also applies in Norway".
        var result = Check(Crude(50.00m, providerCountries: ["NO"]).WithDates("2025-09-10", "2025-10-01", "2025-10-28"), "NO");

        Assert.Equal(Verdict.Violation, result.Verdict);
        Assert.Equal("NO-CRUDE-2025-09-05", result.RuleId);
        Assert.Equal(47.60m, result.CapUsdPerBbl);
        Assert.Equal("NO-CRUDE-2022-12-09", Check(Crude(50.00m, providerCountries: ["NO"]).WithDates("2025-08-01", "2025-09-04", "2025-09-20"), "NO").RuleId);
    }

    [Fact]
    public void Norway_44_10_is_unconfirmed_so_a_price_above_it_needs_review()
    {
        // No Norwegian amendment adopting 44.10 was found.
        var result = Check(Crude(46.00m, providerCountries: ["NO"]).WithDates("2026-02-20", "2026-03-10", "2026-04-01"), "NO");

        Assert.Equal(Verdict.NeedsReview, result.Verdict);
        Assert.Equal(["CapUnconfirmed"], result.Reasons);
    }

    [Theory]
    // SL 2024/9 (Russia Sanctions Amendment Regulations 2024), Part 2 in force 2024-04-14; no NZ cap law before.
    [InlineData("2024-04-13", "Exempt", "NoCapInForce")]
    [InlineData("2024-04-14", "Violation", "PriceAboveCap")]
    public void New_zealand_has_a_cap_only_from_2024_04_14(string loaded, string verdict, string reason)
    {
        var result = Check(Crude(70.00m, providerCountries: ["NZ"]).WithDates("2024-03-01", loaded, "2024-05-01"), "NZ");

        Assert.Equal(verdict, result.Verdict.ToString());
        Assert.Equal([reason], result.Reasons);
    }

    [Theory]
    // SECO news of 2023-02-15: the Swiss product caps entered into effect at 18:00 on 2023-02-15.
    [InlineData("2023-02-14", "Exempt")]
    [InlineData("2023-02-15", "Violation")]
    public void Swiss_product_caps_begin_on_2023_02_15(string loaded, string verdict)
    {
        var document = Crude(50.00m, providerCountries: ["CH"]).WithProduct("naphtha", "2710.12").WithDates("2023-02-01", loaded, "2023-03-20");

        Assert.Equal(verdict, Check(document, "CH").Verdict.ToString());
    }

    [Theory]
    // Statistical Review of World Energy, approximate conversion factors (July 2021); UNSD Energy Statistics Yearbook for naphtha.
    [InlineData("naphtha", "2710.12", 350, 40.0458)] // 350 / 8.74: under 45, where the old 6.7 gave 52.24, a false Violation
    [InlineData("fuel_oil", "2710.19", 250, 39.3701)] // 250 / 6.35
    [InlineData("gasoline", "2710.12", 800, 95.8084)] // 800 / 8.35
    [InlineData("diesel", "2710.19", 700, 93.8338)] // 700 / 7.46
    [InlineData("kerosene", "2710.19", 700, 88.8325)] // 700 / 7.88
    [InlineData("vgo", "2710.19", 280, 41.4201)] // 280 / 6.76, derived from the densest typical VGO
    public void Prices_per_tonne_use_the_published_factor_of_their_product(string product, string hs, int perTonne, double perBarrel)
    {
        var document = Crude(perTonne, unit: "t", providerCountries: ["GR"]).WithProduct(product, hs).WithDates("2026-03-01", "2026-03-10", "2026-04-01");

        var result = Evaluator().Evaluate(document);

        Assert.Equal((decimal)perBarrel, result.Regime("EU").PriceUsdPerBbl);
        Assert.Contains(FlagCodes.AssumedConversionFactor, result.Flags);
    }

    [Fact]
    public void An_assumed_factor_in_a_deduction_triggers_the_near_cap_review()
    {
        // CFR 45.00 per barrel with freight 10 USD per tonne: at the standard 7.33 bbl/t the deduction is 1.3643,
        // so the FOB equivalent 43.6357 is within 2% of 44.10 and rests on an assumed factor.
        var cfr = Crude(45.00m, "CFR", providerCountries: ["GR"]).WithCosts(new AncillaryCost { Type = "freight", Value = 10m, Currency = "USD", Unit = "t" });

        var assumed = Evaluator().Evaluate(cfr);
        var measured = Evaluator().Evaluate(cfr with { Cargo = cfr.Cargo! with { ApiGravity = 31.5m } });

        Assert.Equal(["AssumedConversionFactorNearCap"], assumed.Regime("EU").Reasons);
        Assert.Contains(FlagCodes.AssumedConversionFactor, assumed.Flags);
        Assert.Equal(Verdict.Compliant, measured.Regime("EU").Verdict);
    }

    [Theory]
    // The EU's July 2026 review has no known outcome: 44.10 is known to hold until 2026-07-15.
    [InlineData("2026-07-14", 46.00, "Violation", "PriceAboveCap", false)]
    [InlineData("2026-09-10", 46.00, "NeedsReview", "CapUnconfirmed", true)]
    [InlineData("2026-09-10", 43.00, "Compliant", "PriceAtOrBelowCap", true)]
    public void After_the_eu_july_2026_review_the_cap_is_unconfirmed(string loaded, double price, string verdict, string reason, bool flagged)
    {
        var result = Evaluator().Evaluate(Crude((decimal)price, providerCountries: ["GR"]).WithDates("2026-06-20", loaded, "2026-10-05"));

        Assert.Equal(verdict, result.Regime("EU").Verdict.ToString());
        Assert.Equal([reason], result.Regime("EU").Reasons);
        Assert.Equal(flagged, result.Flags.Contains(FlagCodes.UnconfirmedCapValue));
    }

    [Theory]
    // Reg. 2026/124: contracts before 2026-01-15 keep 47.60 on every reading; 15-31 January only on one.
    [InlineData("2026-01-14", 46.00, "Compliant", "PriceAtOrBelowCap")]
    [InlineData("2026-01-20", 46.00, "NeedsReview", "TransitionUnconfirmed")]
    [InlineData("2026-01-20", 40.00, "Compliant", "PriceAtOrBelowCap")]
    [InlineData("2026-01-20", 48.00, "Violation", "PriceAboveCap")]
    public void A_transition_rule_no_source_confirmed_sends_a_disagreement_to_review(string contract, double price, string verdict, string reason)
    {
        var result = Check(Crude((decimal)price, providerCountries: ["GR"]).WithDates(contract, "2026-02-05", "2026-03-20"), "EU");

        Assert.Equal(verdict, result.Verdict.ToString());
        Assert.Equal([reason], result.Reasons);
    }

    [Theory]
    // Reg. 833/2014 Art. 3n(1) covers oil "exported from Russia"; Commission guidance: exempt only when both the
    // origin and the owner are non-Russian. Other regimes: origin decides.
    [InlineData("KZ", "Exempt", "NonRussianOrigin")]
    [InlineData(null, "NeedsReview", "OwnerRequiredForExport")]
    [InlineData("RU", "Violation", "PriceAboveCap")]
    public void Non_russian_oil_loaded_in_russia_is_eu_exempt_only_with_a_non_russian_owner(string? owner, string verdict, string reason)
    {
        var document = Crude(70.00m, providerCountries: ["GR", "US"]);
        document = document with
        {
            SchemaVersion = "1.1",
            Cargo = document.Cargo! with { Origin = "KZ", Owner = owner is null ? null : new CargoOwner { Country = owner } },
            Voyage = document.Voyage! with { LoadPort = "RUNVS" },
        };

        var result = Evaluator().Evaluate(document);

        Assert.Equal(verdict, result.Regime("EU").Verdict.ToString());
        Assert.Equal([reason], result.Regime("EU").Reasons);
        Assert.Equal(["NonRussianOrigin"], result.Regime("US").Reasons);
    }

    [Fact]
    public void Non_russian_oil_loaded_outside_russia_stays_exempt_for_the_eu_without_an_owner()
    {
        var document = Crude(70.00m, providerCountries: ["GR"]);
        document = document with { Cargo = document.Cargo! with { Origin = "KZ" }, Voyage = document.Voyage! with { LoadPort = "GEBUS" } };

        Assert.Equal(["NonRussianOrigin"], Check(document, "EU").Reasons);
    }

    [Theory]
    // TFEU Art. 355(1): the Treaties apply to the outermost regions; S.I. 2020/1571 and Crown Dependency laws for the UK.
    [InlineData("RE", "EU")]
    [InlineData("MF", "EU")]
    [InlineData("KY", "GB")]
    [InlineData("VG", "GB")]
    [InlineData("JE", "GB")]
    [InlineData("GI", "GB")]
    public void Territories_act_under_their_regime(string country, string regime) => Assert.Equal(regime, Cargoes.Schedule.RegimeOf(country));

    [Fact]
    public void Every_country_group_of_every_regime_cites_a_source() =>
        Assert.All(Cargoes.Schedule.Regimes.SelectMany(r => r.CountryGroups), g => Assert.False(string.IsNullOrWhiteSpace(g.Source)));

    [Fact]
    public void No_source_text_points_at_a_file_outside_the_repository()
    {
        var json = Domain.Schedule.CapScheduleLoader.DefaultJson();

        Assert.DoesNotContain("../", json, StringComparison.Ordinal);
        // A file cited by a source is one of the project's own documents.
        var cited = System.Text.RegularExpressions.Regex.Matches(json, @"[\w./-]+\.md\b").Select(m => m.Value);
        Assert.All(cited, file => Assert.StartsWith("docs/", file, StringComparison.Ordinal));
    }
}
