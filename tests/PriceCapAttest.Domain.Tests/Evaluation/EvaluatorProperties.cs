using CsCheck;
using PriceCapAttest.Domain.Results;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Evaluation;

/// <summary>Properties over generated cargoes: regimes, products, bases, units, dates and prices.</summary>
public class EvaluatorProperties
{
    private static readonly string[] Countries = ["US", "GR", "GB", "JP", "CH", "CA", "AU", "NZ", "NO", "DE"];
    private static readonly (string Product, string Hs)[] Products =
        [("crude", "2709.00"), ("diesel", "2710.19"), ("gasoline", "2710.12"), ("naphtha", "2710.12"), ("fuel_oil", "2710.19")];
    private static readonly string[] Bases = ["FOB", "CFR", "CIF", "DDP"];
    private static readonly string[] Units = ["bbl", "t", "m3"];

    private static readonly Gen<Documents.AttestationDocument> Cargo =
        from country in Gen.OneOf(Countries)
        from product in Gen.OneOf(Products)
        from basis in Gen.OneOf(Bases)
        from unit in Gen.OneOf(Units)
        from price in Gen.Int[1, 2_000_000].Select(cents => cents / 100m)
        from freight in Gen.Int[0, 1_000].Select(cents => cents / 100m)
        from loaded in Gen.Int[0, 1_500].Select(days => new DateOnly(2022, 10, 1).AddDays(days))
        from contractLead in Gen.Int[0, 200]
        from voyageDays in Gen.Int[0, 90]
        from hasDischarge in Gen.Bool
        select Crude(price, basis, unit, providerCountries: [country])
            .WithProduct(product.Product, product.Hs)
            .WithCosts(Cost("freight", freight), Cost("insurance", 0.10m), Cost("port", 1m))
            .WithDates(
                loaded.AddDays(-contractLead).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                loaded.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                hasDischarge ? loaded.AddDays(voyageDays).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null);

    private static int Severity(Verdict v) => v switch
    {
        Verdict.Exempt or Verdict.Compliant => 0,
        Verdict.NeedsReview => 1,
        _ => 2,
    };

    [Fact]
    public void Raising_the_price_never_improves_a_regimes_verdict()
    {
        // The cost-share review is left out by design: a higher delivered price lowers the share of fixed costs.
        var evaluator = Evaluator(new CheckOptions { AncillaryCostBenchmark = 1_000_000m });
        Cargo.Select(Gen.Int[1, 100_000]).Sample((document, raiseCents) =>
        {
            var raised = document with { Price = document.Price! with { Value = document.Price.Value + raiseCents / 100m } };
            var before = evaluator.Evaluate(document).Regimes;
            var after = evaluator.Evaluate(raised).Regimes;
            return before.Zip(after).All(pair => Severity(pair.Second.Verdict) >= Severity(pair.First.Verdict));
        }, iter: 5_000);
    }

    [Fact]
    public void A_price_at_or_below_the_cap_is_never_a_violation()
    {
        var evaluator = Evaluator();
        Cargo.Sample(document => evaluator.Evaluate(document).Regimes.All(r =>
            r.Verdict != Verdict.Violation || (r.PriceUsdPerBbl > r.CapUsdPerBbl)), iter: 5_000);
    }

    [Fact]
    public void The_overall_verdict_is_the_worst_regime_verdict()
    {
        var evaluator = Evaluator();
        Cargo.Sample(document =>
        {
            var result = evaluator.Evaluate(document);
            return result.Regimes.Count == 0 || result.Verdict == result.Regimes.Max(r => r.Verdict);
        }, iter: 2_000);
    }

    [Fact]
    public void Every_capped_regime_result_names_its_rule()
    {
        var evaluator = Evaluator();
        Cargo.Sample(document => evaluator.Evaluate(document).Regimes.All(r => r.CapUsdPerBbl is null || r.RuleId is not null), iter: 2_000);
    }

    [Fact]
    public void No_result_is_a_Violation_against_an_unconfirmed_cap()
    {
        // docs/cap-rules.md, "A cap schedule ages": a regulator is never alerted on a value nobody confirmed.
        var evaluator = Evaluator();
        Cargo.Sample(document =>
        {
            var loaded = document.Voyage!.LoadingDate!.Value;
            return evaluator.Evaluate(document).Regimes
                .Where(r => r.Verdict == Verdict.Violation)
                .All(r => Cargoes.Schedule.Periods.Single(p => p.RuleId == r.RuleId).ConfirmedOn(loaded));
        }, iter: 5_000);
    }
}
