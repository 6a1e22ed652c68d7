using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Evaluation;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;
using static PriceCapAttest.Domain.Tests.Evaluation.Cargoes;

namespace PriceCapAttest.Domain.Tests.Schedule;

/// <summary>
/// The property the differences exist for: a cargo whose result differs between two schedules is covered by one of
/// the changes between them (loading date, regimes it engaged, category, product).
/// </summary>
public class ScheduleDiffSoundness
{
    private static readonly string[] Countries = ["US", "GR", "GB", "JP", "CH", "CA", "AU", "NZ", "NO", "AD", "AE"];
    private static readonly (string Product, string Hs)[] Products =
        [("crude", "2709.00"), ("diesel", "2710.19"), ("vgo", "2710.19"), ("naphtha", "2710.12"), ("lng", "2711.11")];

    private static readonly Gen<AttestationDocument> Cargo =
        from country in Gen.OneOf(Countries)
        from product in Gen.OneOf(Products)
        from unit in Gen.OneOf("bbl", "t")
        from price in Gen.Frequency((3, Gen.Int[4_000, 6_500]), (1, Gen.Int[3_500, 11_000])).Select(cents => cents / 100m)
        from loaded in Gen.Frequency((1, Gen.Int[0, 1_800]), (2, Gen.Int[1_000, 1_400])).Select(days => new DateOnly(2022, 10, 1).AddDays(days))
        from russian in Gen.Int[0, 3].Select(i => i > 0)
        from contractLead in Gen.Int[0, 400]
        from voyageDays in Gen.Int[0, 200]
        from hasDischarge in Gen.Bool
        from toJapan in Gen.Bool
        from claim in Gen.Bool
        select Build(product, country, unit, price, loaded, contractLead, hasDischarge ? voyageDays : null, toJapan, claim, russian);

    private static AttestationDocument Build((string Product, string Hs) product, string country, string unit, decimal price, DateOnly loaded,
        int contractLead, int? voyageDays, bool toJapan, bool claim, bool russian)
    {
        var document = Crude(unit == "t" ? price * 7.3m : price, "FOB", unit, providerCountries: [country])
            .WithProduct(product.Product, product.Hs)
            .WithDates(Text(loaded.AddDays(-contractLead)), Text(loaded), voyageDays is { } days ? Text(loaded.AddDays(days)) : null);
        return document with
        {
            Voyage = document.Voyage! with { DischargePort = toJapan ? "JPTYO" : "INMUN" },
            Cargo = russian ? document.Cargo : document.Cargo! with { Origin = "KZ", Owner = new CargoOwner { Country = "RU" } },
            Exemption = claim ? new Exemption { Type = "sakhalin2", Reference = "GL 55E" } : null,
        };
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static JsonObject Find(JsonObject document, string list, string key, string id) =>
        document[list]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e[key] == id);

    private static void Edit(JsonObject d, string variant)
    {
        switch (variant)
        {
            case "eu-last-cap": Find(d, "periods", "ruleId", "EU-CRUDE-2026-02-01")["capUsdPerBbl"] = 47.60m; break;
            case "eu-middle-cap": Find(d, "periods", "ruleId", "EU-CRUDE-2025-09-03")["capUsdPerBbl"] = 52.00m; break;
            case "eu-review": Find(d, "periods", "ruleId", "EU-CRUDE-2026-02-01")["knownUntil"] = "2027-01-15"; break;
            case "gb-status": Find(d, "periods", "ruleId", "GB-CRUDE-2025-09-03")["status"] = "unconfirmed"; break;
            case "eu-transition": Find(d, "transitions", "id", "EU-CRUDE-TRANSITION-2026-02-01")["rules"]![0]!["dischargedBy"] = "2026-06-30"; break;
            case "jp-transition": Find(d, "transitions", "id", "JP-CRUDE-TRANSITION-2025-09-12")["status"] = "unconfirmed"; break;
            case "us-licence": Find(d, "licences", "id", "US-GL-55E")["loadedBefore"] = "2026-12-18"; break;
            case "gb-licence": Find(d, "licences", "id", "GB-SAKHALIN2-2026-06-18")["status"] = "confirmed"; break;
            case "vgo-factor": Find(d, "conversionFactors", "product", "vgo")["bblPerTonne"] = 9.00m; break;
            case "countries": Find(d, "regimes", "code", "EU")["countries"]![0]!["codes"]!.AsArray().Add("AD"); break;
            case "export-scope": Find(d, "regimes", "code", "EU").Remove("coversExportsFromRussia"); break;
            default: throw new ArgumentOutOfRangeException(nameof(variant));
        }
    }

    [Theory]
    [InlineData("eu-last-cap")]
    [InlineData("eu-middle-cap")]
    [InlineData("eu-review")]
    [InlineData("gb-status")]
    [InlineData("eu-transition")]
    [InlineData("jp-transition")]
    [InlineData("us-licence")]
    [InlineData("gb-licence")]
    [InlineData("vgo-factor")]
    [InlineData("countries")]
    [InlineData("export-scope")]
    public void A_cargo_whose_result_changes_is_covered_by_a_change(string variant)
    {
        var document = JsonNode.Parse(CapScheduleLoader.DefaultJson())!.AsObject();
        Edit(document, variant);
        var newer = CapScheduleLoader.Load(document.ToJsonString());
        var changes = ScheduleDiff.Between(Evaluation.Cargoes.Schedule, newer);
        var before = new AttestationEvaluator(Evaluation.Cargoes.Schedule, CheckOptions.Default);
        var after = new AttestationEvaluator(newer, CheckOptions.Default);
        var differing = 0;

        Cargo.Sample(cargo =>
        {
            var a = before.Evaluate(cargo);
            if (Same(a, after.Evaluate(cargo))) return true;
            differing++;
            string[] engaged = [.. a.Regimes.Select(r => r.Regime)];
            var product = cargo.Cargo!.Product!;
            return changes.Any(c => c.Covers(engaged, ProductCategories.Of(product), product, cargo.Voyage!.LoadingDate!.Value));
        }, iter: 20_000, threads: 1);

        Assert.NotEmpty(changes);
        Assert.True(differing > 0, "the variant changed no generated cargo's result: it tests nothing");
    }

    private static bool Same(EvaluationOutcome a, EvaluationOutcome b) =>
        JsonSerializer.Serialize(a, ResultJson.Compact) == JsonSerializer.Serialize(b, ResultJson.Compact);
}
