using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Evaluation;

/// <summary>
/// Every date of the domain reference, tested on both sides. Each row: a regime engaged through one provider,
/// contract, loading and discharge dates, and the rule id that must apply (null: no cap in force).
/// </summary>
public class TransitionBoundaries
{
    private static readonly Dictionary<string, string> ProviderCountry = new()
    {
        ["US"] = "US", ["EU"] = "GR", ["GB"] = "GB", ["JP"] = "JP", ["CH"] = "CH", ["CA"] = "CA", ["NO"] = "NO", ["NZ"] = "NZ", ["AU"] = "AU",
    };

    private static string? RuleIdFor(string regime, string contract, string loaded, string? discharged, string? dischargePort = null, string product = "crude")
    {
        var document = Crude(30m, providerCountries: [ProviderCountry[regime]]).WithDates(contract, loaded, discharged);
        if (product != "crude") document = document.WithProduct(product, product == "diesel" ? "2710.19" : "2710.12");
        if (dischargePort is not null) document = document with { Voyage = document.Voyage! with { DischargePort = dischargePort } };
        var result = Evaluator().Evaluate(document).Regime(regime);
        return result.Reasons.Contains(ReasonCodes.NoCapInForce) ? null : result.RuleId;
    }

    [Theory]
    // Introduction of the crude cap: loaded before 2022-12-05 and discharged by 2023-01-18 keeps "no cap".
    [InlineData("US", "2022-10-01", "2022-12-04", "2023-01-18", null)]
    [InlineData("US", "2022-10-01", "2022-12-04", "2023-01-19", "US-CRUDE-2022-12-05")]
    [InlineData("US", "2022-10-01", "2022-12-05", "2022-12-20", "US-CRUDE-2022-12-05")]
    [InlineData("EU", "2022-10-01", "2022-12-04", "2023-01-18", null)]
    [InlineData("EU", "2022-10-01", "2022-12-04", "2023-01-19", "EU-CRUDE-2022-12-05")]
    [InlineData("EU", "2022-10-01", "2022-12-05", "2022-12-20", "EU-CRUDE-2022-12-05")]
    // EU 60 -> 47.60 on 2025-09-03: contract before 2025-07-20 executed by 2025-10-18 ...
    [InlineData("EU", "2025-07-19", "2025-09-20", "2025-10-18", "EU-CRUDE-2022-12-05")]
    [InlineData("EU", "2025-07-19", "2025-09-20", "2025-10-19", "EU-CRUDE-2025-09-03")]
    [InlineData("EU", "2025-07-20", "2025-09-20", "2025-10-18", "EU-CRUDE-2025-09-03")]
    // ... or (unconfirmed: no source states it) contract from 2025-07-20 wound down by 2025-09-02: both caps are
    // candidates, and at 30.00 they agree, so the new cap is reported.
    [InlineData("EU", "2025-08-01", "2025-08-20", "2025-09-02", "EU-CRUDE-2025-09-03")]
    [InlineData("EU", "2025-08-01", "2025-08-20", "2025-09-03", "EU-CRUDE-2025-09-03")]
    // EU 47.60 -> 44.10 on 2026-02-01: contract before 2026-02-01, executed by 2026-04-16.
    // EU 47.60 -> 44.10 (Reg. 2026/124): contract before 2026-01-15 executed by 2026-04-16 holds on every reading.
    [InlineData("EU", "2026-01-14", "2026-02-10", "2026-04-16", "EU-CRUDE-2025-09-03")]
    [InlineData("EU", "2026-01-14", "2026-02-10", "2026-04-17", "EU-CRUDE-2026-02-01")]
    [InlineData("EU", "2026-02-01", "2026-02-10", "2026-03-01", "EU-CRUDE-2026-02-01")]
    // GB 60 -> 47.60: effective contract date before 2025-09-02 23:01 BST, wind-down to 2025-10-17.
    [InlineData("GB", "2025-09-02", "2025-09-10", "2025-10-17", "GB-CRUDE-2022-12-05")]
    [InlineData("GB", "2025-09-02", "2025-09-10", "2025-10-18", "GB-CRUDE-2025-09-03")]
    [InlineData("GB", "2025-09-03", "2025-09-10", "2025-10-01", "GB-CRUDE-2025-09-03")]
    // GB 47.60 -> 44.10: contract before 2026-01-31 23:01 GMT, wind-down to 2026-04-16.
    [InlineData("GB", "2026-01-31", "2026-02-10", "2026-04-16", "GB-CRUDE-2025-09-03")]
    [InlineData("GB", "2026-01-31", "2026-02-10", "2026-04-17", "GB-CRUDE-2026-02-01")]
    [InlineData("GB", "2026-02-01", "2026-02-10", "2026-03-01", "GB-CRUDE-2026-02-01")]
    // JP 60 -> 47.60 on 2025-09-12: contract and shipment before 2025-09-12, unloaded by 2025-10-17.
    [InlineData("JP", "2025-09-11", "2025-09-11", "2025-10-17", "JP-CRUDE-2022-12-05")]
    [InlineData("JP", "2025-09-11", "2025-09-11", "2025-10-18", "JP-CRUDE-2025-09-12")]
    [InlineData("JP", "2025-09-11", "2025-09-12", "2025-10-01", "JP-CRUDE-2025-09-12")]
    [InlineData("JP", "2025-09-12", "2025-09-11", "2025-10-01", "JP-CRUDE-2025-09-12")]
    // A change without transition rules is decided by the loading date alone (Switzerland, 2025-09-03).
    [InlineData("CH", "2025-08-01", "2025-09-02", "2025-12-01", "CH-CRUDE-2022-12-09")]
    [InlineData("CH", "2025-08-01", "2025-09-03", "2025-09-20", "CH-CRUDE-2025-09-03")]
    public void Crude_cap_applied_on_each_side_of_a_boundary(string regime, string contract, string loaded, string discharged, string? expectedRuleId) =>
        Assert.Equal(expectedRuleId, RuleIdFor(regime, contract, loaded, discharged));

    [Theory]
    // JP: unloaded in Japan by 2025-10-17 keeps 60 even for a contract after the change.
    [InlineData("JPCHB", "2025-10-17", "JP-CRUDE-2022-12-05")]
    [InlineData("JPCHB", "2025-10-18", "JP-CRUDE-2025-09-12")]
    [InlineData("INMUN", "2025-10-17", "JP-CRUDE-2025-09-12")]
    public void Japan_keeps_the_old_cap_for_cargo_unloaded_in_japan_by_the_deadline(string dischargePort, string discharged, string expectedRuleId) =>
        Assert.Equal(expectedRuleId, RuleIdFor("JP", "2025-09-20", "2025-09-25", discharged, dischargePort));

    [Theory]
    // Products introduction: loaded before 2023-02-05 and unloaded before 2023-04-01 keeps "no cap" (West P&I
    // circular of 2023-02-14; OFAC FAQ 1109; European Commission statement: "unloaded prior to 1 April 2023").
    [InlineData("EU", "diesel", "2023-02-04", "2023-03-31", null)]
    [InlineData("EU", "diesel", "2023-02-04", "2023-04-01", "EU-PREMIUM-2023-02-05")]
    [InlineData("EU", "diesel", "2023-02-05", "2023-03-01", "EU-PREMIUM-2023-02-05")]
    [InlineData("GB", "naphtha", "2023-02-04", "2023-03-31", null)]
    [InlineData("GB", "naphtha", "2023-02-04", "2023-04-01", "GB-DISCOUNT-2023-02-05")]
    [InlineData("US", "diesel", "2023-02-04", "2023-03-31", null)]
    [InlineData("US", "diesel", "2023-02-04", "2023-04-01", "US-PREMIUM-2023-02-05")]
    [InlineData("GB", "naphtha", "2023-02-05", "2023-03-01", "GB-DISCOUNT-2023-02-05")]
    public void Product_caps_start_on_2023_02_05_with_a_wind_down_to_2023_03_31(string regime, string product, string loaded, string discharged, string? expectedRuleId) =>
        Assert.Equal(expectedRuleId, RuleIdFor(regime, "2023-01-10", loaded, discharged, product: product));

    [Fact]
    public void A_missing_discharge_date_is_decided_when_both_caps_give_the_same_answer()
    {
        // 40.00 is under both 47.60 and 44.10: no review needed although the transition rule is undecided.
        var document = Crude(40.00m, providerCountries: ["GR"]).WithDates("2026-01-10", "2026-02-05", null);

        var eu = Evaluator().Evaluate(document).Regime("EU");

        Assert.Equal(Verdict.Compliant, eu.Verdict);
        Assert.Equal("EU-CRUDE-2026-02-01", eu.RuleId);
    }

    [Fact]
    public void A_missing_discharge_date_does_not_matter_once_loading_is_after_the_deadline()
    {
        var document = Crude(46.00m, providerCountries: ["GR"]).WithDates("2026-01-10", "2026-04-17", null);

        var eu = Evaluator().Evaluate(document).Regime("EU");

        Assert.Equal(Verdict.Violation, eu.Verdict);
        Assert.Equal(44.10m, eu.CapUsdPerBbl);
    }

    [Fact]
    public void Cargo_loaded_before_a_change_but_discharged_after_the_wind_down_gets_the_new_cap()
    {
        var document = Crude(46.00m, providerCountries: ["GR"]).WithDates("2026-01-05", "2026-01-20", "2026-04-30");

        Assert.Equal("EU-CRUDE-2026-02-01", Evaluator().Evaluate(document).Regime("EU").RuleId);
    }

    [Theory]
    // OFAC GL 55E runs through 2026-06-18 (closing at its start, as earlier versions did).
    [InlineData("US", "2026-06-17", true)]
    [InlineData("US", "2026-06-18", false)]
    // EU: the 17th package (OJ of 2025-05-20) extended the exception to 2026-06-28; the old end of 2024-04-01 was wrong.
    [InlineData("EU", "2024-04-01", true)]
    [InlineData("EU", "2026-06-28", true)]
    [InlineData("EU", "2026-06-29", false)]
    [InlineData("JP", "2026-09-01", true)]
    // GB: GL INT/2025/5635700 confirmed to 2025-06-28.
    [InlineData("GB", "2025-06-28", true)]
    public void Sakhalin2_exemption_holds_inside_the_regime_window_for_discharge_in_japan(string regime, string loaded, bool exempt)
    {
        var document = Crude(70m, providerCountries: [ProviderCountry[regime]]).WithDates("2024-01-05", loaded, null);
        document = document with
        {
            Voyage = document.Voyage! with { DischargePort = "JPCHB" },
            Exemption = new Exemption { Type = "sakhalin2", Reference = "GL 55E" },
        };

        var result = Evaluator().Evaluate(document);

        Assert.Equal(exempt ? Verdict.Exempt : Verdict.Violation, result.Regime(regime).Verdict);
        Assert.Equal(exempt, result.Regime(regime).Reasons.Contains(ReasonCodes.Sakhalin2Exemption));
        Assert.Equal(!exempt, result.Flags.Contains(FlagCodes.ExemptionNotApplicable));
    }

    [Theory]
    // Switzerland has no Sakhalin-2 licence; its 44.10 is unconfirmed, so 70.00 above it needs review.
    [InlineData("CH", "2026-03-01", "NeedsReview", "CapUnconfirmed")]
    // GB after 2025-06-28: a window no source confirmed can only send a breach to review.
    [InlineData("GB", "2026-03-01", "NeedsReview", "LicenceUnconfirmed")]
    public void Sakhalin2_claims_outside_a_confirmed_window_are_never_cleared(string regime, string loaded, string verdict, string reason)
    {
        var document = Crude(70m, providerCountries: [ProviderCountry[regime]]).WithDates("2024-01-05", loaded, null);
        document = document with
        {
            Voyage = document.Voyage! with { DischargePort = "JPCHB" },
            Exemption = new Exemption { Type = "sakhalin2" },
        };

        var result = Evaluator().Evaluate(document).Regime(regime);

        Assert.Equal(verdict, result.Verdict.ToString());
        Assert.Equal([reason], result.Reasons);
    }

    [Fact]
    public void Sakhalin2_exemption_does_not_apply_outside_japan()
    {
        var document = Crude(70m, providerCountries: ["US"]) with { Exemption = new Exemption { Type = "sakhalin2" } };

        var result = Evaluator().Evaluate(document);

        Assert.Equal(Verdict.Violation, result.Verdict);
        Assert.Contains(FlagCodes.ExemptionNotApplicable, result.Flags);
    }
}
