using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Tests.Schedule;

/// <summary>A bad schedule is refused whole, with a message naming each problem.</summary>
public class ScheduleRefusal
{
    private static JsonObject DefaultDocument() => JsonNode.Parse(CapScheduleLoader.DefaultJson())!.AsObject();

    private static JsonObject Period(JsonObject document, string ruleId) =>
        document["periods"]!.AsArray().Select(p => p!.AsObject()).Single(p => (string?)p["ruleId"] == ruleId);

    private static InvalidCapScheduleException Refuse(JsonObject document) =>
        Assert.Throws<InvalidCapScheduleException>(() => CapScheduleLoader.Load(document.ToJsonString()));

    [Fact]
    public void Overlapping_periods_are_refused()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2022-12-05")["to"] = "2025-10-01";

        var error = Refuse(document);

        Assert.Contains(error.Problems, p => p.Contains("EU-CRUDE-2022-12-05", StringComparison.Ordinal) && p.Contains("overlap", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-44.10)]
    public void A_cap_that_is_not_positive_is_refused(double cap)
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["capUsdPerBbl"] = cap;

        Assert.Contains(Refuse(document).Problems, p => p.Contains("capUsdPerBbl must be a positive amount", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_regime_is_refused()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["regime"] = "XX";

        Assert.Contains(Refuse(document).Problems, p => p.Contains("'XX' is not a regime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_regime_outside_the_coalition_list_is_refused()
    {
        var document = DefaultDocument();
        document["regimes"]!.AsArray().Add(new JsonObject { ["code"] = "RU", ["name"] = "Russia", ["countries"] = new JsonArray(new JsonObject { ["codes"] = new JsonArray("RU"), ["source"] = "none" }) });

        Assert.Contains(Refuse(document).Problems, p => p.Contains("'RU' is not a known regime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_transition_to_a_missing_period_is_refused()
    {
        var document = DefaultDocument();
        document["transitions"]!.AsArray()[0]!["toRuleId"] = "US-CRUDE-1999-01-01";

        Assert.Contains(Refuse(document).Problems, p => p.Contains("does not name a period", StringComparison.Ordinal));
    }

    [Fact]
    public void A_transition_between_periods_that_do_not_meet_is_refused()
    {
        var document = DefaultDocument();
        var transition = document["transitions"]!.AsArray().Select(t => t!.AsObject()).First(t => (string?)t["toRuleId"] == "EU-CRUDE-2026-02-01");
        transition["fromRuleId"] = "EU-CRUDE-2022-12-05";

        Assert.Contains(Refuse(document).Problems, p => p.Contains("must end where", StringComparison.Ordinal));
    }

    [Fact]
    public void Unknown_fields_are_refused_rather_than_ignored()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["capUsd"] = 40;

        Assert.Single(Refuse(document).Problems);
    }

    [Fact]
    public void Invalid_json_is_refused_with_its_position()
    {
        var error = Assert.Throws<InvalidCapScheduleException>(() => CapScheduleLoader.Load("{ \"version\": "));

        Assert.Contains("line", error.Problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["capUsdPerBbl"] = 0;
        Period(document, "US-CRUDE-2022-12-05")["regime"] = "XX";
        document["version"] = "";

        Assert.True(Refuse(document).Problems.Count >= 3);
    }
}
