using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Evaluation;

public class Flags
{
    [Fact]
    public void Signing_after_loading_is_flagged_without_changing_the_verdict()
    {
        var document = Crude(40m, providerCountries: ["GR"]);
        document = document with { Attestor = document.Attestor! with { SignedAt = new DateTimeOffset(2026, 3, 11, 0, 30, 0, TimeSpan.Zero) } };

        var result = Evaluator().Evaluate(document);

        Assert.Contains(FlagCodes.SignedAfterLoading, result.Flags);
        Assert.Equal(Verdict.Compliant, result.Verdict);
    }

    [Fact]
    public void Signing_on_the_loading_day_is_not_flagged()
    {
        var document = Crude(40m, providerCountries: ["GR"]);
        document = document with { Attestor = document.Attestor! with { SignedAt = new DateTimeOffset(2026, 3, 10, 23, 0, 0, TimeSpan.Zero) } };

        Assert.DoesNotContain(FlagCodes.SignedAfterLoading, Evaluator().Evaluate(document).Flags);
    }

    [Fact]
    public void Sts_transfer_is_flagged()
    {
        var document = Crude(40m, providerCountries: ["GR"]);
        document = document with { Voyage = document.Voyage! with { StsTransfer = true } };

        Assert.Contains(FlagCodes.StsTransfer, Evaluator().Evaluate(document).Flags);
    }

    [Fact]
    public void An_unconfirmed_cap_is_flagged()
    {
        var result = Evaluator().Evaluate(Crude(40m, providerCountries: ["CH"]));

        Assert.Equal(44.10m, result.Regime("CH").CapUsdPerBbl);
        Assert.Contains(FlagCodes.UnconfirmedCapValue, result.Flags);
        Assert.DoesNotContain(FlagCodes.UnconfirmedCapValue, Evaluator().Evaluate(Crude(40m, providerCountries: ["GR"])).Flags);
    }

    [Fact]
    public void The_attestor_and_the_flag_engage_their_regimes()
    {
        var document = Crude(40m);
        document = document with
        {
            Attestor = document.Attestor! with { Country = "CH" },
            Vessel = document.Vessel! with { Flag = "MT" },
        };

        Assert.Equal(["CH", "EU"], Evaluator().Evaluate(document).Regimes.Select(r => r.Regime).Order());
    }

    [Fact]
    public void An_undecided_transition_flags_an_unconfirmed_older_cap_it_rests_on()
    {
        // GB's introduction rule is unconfirmed: loaded before 2022-12-05 without a discharge date, 70.00 is
        // Exempt under no cap but a Violation under 60.00, so the result rests on that unconfirmed rule.
        var document = Crude(70m, providerCountries: ["GB"]).WithDates("2022-11-01", "2022-12-01", null);

        var result = Evaluator().Evaluate(document);

        Assert.Equal(["DischargeDateRequiredForTransition"], result.Regime("GB").Reasons);
        Assert.Contains(FlagCodes.UnconfirmedCapValue, result.Flags);
    }
}
