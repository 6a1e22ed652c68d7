using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Tests.Schedule;

/// <summary>
/// What differs between two schedules, and which cargoes (loading dates, regime, category, product) each difference
/// can affect. Variants are the embedded schedule edited as JSON.
/// </summary>
public class ScheduleDifferences
{
    private static readonly CapSchedule Default = CapScheduleLoader.LoadDefault();
    private static readonly DateOnly Min = DateOnly.MinValue;
    private static readonly DateOnly Max = DateOnly.MaxValue;

    private static JsonObject DefaultDocument() => JsonNode.Parse(CapScheduleLoader.DefaultJson())!.AsObject();

    private static JsonObject Entry(JsonObject document, string list, string key, string id) =>
        document[list]!.AsArray().Select(e => e!.AsObject()).Single(e => (string?)e[key] == id);

    private static JsonObject Period(JsonObject document, string ruleId) => Entry(document, "periods", "ruleId", ruleId);

    private static JsonObject Transition(JsonObject document, string id) => Entry(document, "transitions", "id", id);

    private static JsonObject Licence(JsonObject document, string id) => Entry(document, "licences", "id", id);

    private static JsonObject Regime(JsonObject document, string code) => Entry(document, "regimes", "code", code);

    private static IReadOnlyList<ScheduleChange> DiffTo(JsonObject document) =>
        ScheduleDiff.Between(Default, CapScheduleLoader.Load(document.ToJsonString()));

    private static DateOnly Date(string value) => DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Identical_schedules_have_no_differences()
    {
        Assert.Empty(ScheduleDiff.Between(Default, Default));
        Assert.Empty(ScheduleDiff.Between(Default, CapScheduleLoader.Load(CapScheduleLoader.DefaultJson())));
    }

    [Fact]
    public void A_new_version_alone_is_no_difference()
    {
        var document = DefaultDocument();
        document["version"] = "2099-01-01.9";
        document["description"] = "another description";

        Assert.Empty(DiffTo(document));
    }

    [Fact]
    public void Texts_no_result_carries_are_no_difference()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["source"] = "a better source";
        Period(document, "EU-CRUDE-2026-02-01")["instrument"] = "another instrument";
        Period(document, "EU-CRUDE-2026-02-01")["note"] = "a note";
        Transition(document, "EU-CRUDE-TRANSITION-2026-02-01")["source"] = "a better source";
        Licence(document, "JP-SAKHALIN2")["note"] = "a note";
        Regime(document, "EU")["name"] = "The European Union";
        Regime(document, "EU")["countries"]![0]!["source"] = "a better source";
        document["conversionFactors"]![0]!["source"] = "a better source";

        Assert.Empty(DiffTo(document));
    }

    [Fact]
    public void A_changed_cap_in_the_last_period_affects_cargo_loaded_from_its_start()
    {
        var document = DefaultDocument();
        Period(document, "NZ-CRUDE-2026-02-01")["capUsdPerBbl"] = 47.60m;

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Period, "NZ-CRUDE-2026-02-01", "NZ", ProductCategory.Crude, null,
            Date("2026-02-01"), Max, "NZ crude rule NZ-CRUDE-2026-02-01: cap 44.10 -> 47.60 from 2026-02-01"), change);
    }

    [Fact]
    public void A_changed_cap_also_affects_earlier_cargo_that_meets_no_rule_of_the_transition_into_it()
    {
        // CapResolver: a cargo that meets no rule of a transition gets the new cap, even when loaded before it.
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["capUsdPerBbl"] = 47.60m;

        var changes = DiffTo(document);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal((ScheduleChangeKind.Period, "EU", ProductCategory.Crude), (c.Kind, c.Regime, c.Category)));
        Assert.Contains(changes, c => c.From == Date("2026-02-01") && c.To == Max);
        Assert.Contains(changes, c => c.From == Min && c.To == Date("2026-01-31")
            && c.Description.Contains("for cargo meeting no rule of EU-CRUDE-TRANSITION-2026-02-01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_changed_cap_also_affects_later_cargo_a_transition_rule_keeps_it_for()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2025-09-03")["capUsdPerBbl"] = 48.00m;

        var changes = DiffTo(document);

        Assert.Contains(changes, c => c.From == Date("2025-09-03") && c.To == Date("2026-01-31") && !c.Description.Contains("rule of", StringComparison.Ordinal));
        var kept = Assert.Single(changes, c => c.Description.Contains("kept by a rule of EU-CRUDE-TRANSITION-2026-02-01", StringComparison.Ordinal));
        Assert.Equal((Min, Date("2026-04-16")), (kept.From, kept.To));
    }

    [Fact]
    public void Moving_the_review_date_affects_the_cargo_loaded_between_the_two_dates()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["knownUntil"] = "2027-01-15";

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((ScheduleChangeKind.Period, "EU", ProductCategory.Crude), (change.Kind, change.Regime, change.Category));
        Assert.Equal((Date("2026-07-15"), Date("2027-01-14")), (change.From, change.To));
        Assert.Equal("EU crude rule EU-CRUDE-2026-02-01: status unconfirmed: review of 2026-07-15 passed -> confirmed from 2026-07-15 to 2027-01-14", change.Description);
    }

    [Fact]
    public void Moving_the_review_date_of_an_unconfirmed_cap_is_no_difference()
    {
        var document = DefaultDocument();
        Period(document, "NZ-CRUDE-2026-02-01")["knownUntil"] = "2027-01-15";

        Assert.Empty(DiffTo(document));
    }

    [Fact]
    public void A_new_period_appended_affects_cargo_loaded_from_its_start()
    {
        var document = DefaultDocument();
        Period(document, "EU-CRUDE-2026-02-01")["to"] = "2026-07-15";
        var next = Period(document, "EU-CRUDE-2026-02-01").DeepClone().AsObject();
        next["ruleId"] = "EU-CRUDE-2026-07-15";
        next["capUsdPerBbl"] = 42.00m;
        next["from"] = "2026-07-15";
        next["to"] = null;
        next.Remove("knownUntil");
        document["periods"]!.AsArray().Add(next);

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Period, "EU-CRUDE-2026-07-15", "EU", ProductCategory.Crude, null, Date("2026-07-15"), Max,
            "EU crude: EU-CRUDE-2026-02-01 -> EU-CRUDE-2026-07-15: cap 44.10 -> 42.00; status unconfirmed: review of 2026-07-15 passed -> confirmed from 2026-07-15"),
            change);
    }

    [Fact]
    public void Splitting_a_period_changes_the_rule_id_results_cite_from_the_split()
    {
        var document = DefaultDocument();
        Period(document, "US-DISCOUNT-2023-02-05")["to"] = "2026-01-01";
        var next = Period(document, "US-DISCOUNT-2023-02-05").DeepClone().AsObject();
        next["ruleId"] = "US-DISCOUNT-2026-01-01";
        next["from"] = "2026-01-01";
        next["to"] = null;
        document["periods"]!.AsArray().Add(next);

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((ProductCategory.DiscountToCrude, Date("2026-01-01"), Max), (change.Category!.Value, change.From, change.To));
        Assert.Equal("US discount: US-DISCOUNT-2023-02-05 -> US-DISCOUNT-2026-01-01 from 2026-01-01", change.Description);
    }

    [Fact]
    public void A_changed_rule_status_affects_the_periods_dates()
    {
        var document = DefaultDocument();
        Period(document, "NZ-CRUDE-2024-04-14")["status"] = "unconfirmed";

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Period, "NZ-CRUDE-2024-04-14", "NZ", ProductCategory.Crude, null,
            Date("2024-04-14"), Date("2025-09-11"), "NZ crude rule NZ-CRUDE-2024-04-14: status confirmed -> unconfirmed from 2024-04-14 to 2025-09-11"), change);
    }

    [Fact]
    public void A_changed_transition_rule_affects_every_cargo_it_can_decide()
    {
        // Rules bound the loading date (discharge is never before loading); a cargo loaded earlier can reach it.
        var document = DefaultDocument();
        Transition(document, "EU-CRUDE-TRANSITION-2026-02-01")["rules"]![0]!["dischargedBy"] = "2026-05-16";

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((ScheduleChangeKind.Transition, "EU-CRUDE-TRANSITION-2026-02-01", "EU", ProductCategory.Crude),
            (change.Kind, change.Subject, change.Regime, change.Category!.Value));
        Assert.Equal((Min, Date("2026-05-16")), (change.From, change.To));
        Assert.Contains("discharged by 2026-04-16", change.Description, StringComparison.Ordinal);
        Assert.Contains("discharged by 2026-05-16", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_transition_status_is_a_transition_change()
    {
        var document = DefaultDocument();
        Transition(document, "JP-CRUDE-TRANSITION-2025-09-12")["status"] = "unconfirmed";

        var change = Assert.Single(DiffTo(document), c => c.Kind == ScheduleChangeKind.Transition);

        Assert.Equal((Min, Date("2025-10-17")), (change.From, change.To));
        Assert.Contains("status confirmed -> unconfirmed", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_licence_added_affects_its_regime_category_and_loading_window()
    {
        var document = DefaultDocument();
        document["licences"]!.AsArray().Add(new JsonObject
        {
            ["id"] = "GB-GL-X", ["regime"] = "GB", ["kind"] = "general_licence", ["instrument"] = "OFSI GL X",
            ["categories"] = new JsonArray("crude"), ["loadedFrom"] = "2026-01-01", ["loadedBefore"] = "2026-07-01",
            ["claimRequired"] = true, ["references"] = new JsonArray("GL X"), ["source"] = "made up", ["status"] = "confirmed",
        });

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Licence, "GB-GL-X", "GB", ProductCategory.Crude, null, Date("2026-01-01"),
            Date("2026-06-30"), "licence GB-GL-X added (GB, general_licence, loaded from 2026-01-01 to 2026-06-30) from 2026-01-01 to 2026-06-30"), change);
    }

    [Fact]
    public void Extending_a_licence_affects_only_the_dates_added()
    {
        var document = DefaultDocument();
        Licence(document, "GB-SAKHALIN2-2026-06-18")["loadedBefore"] = "2026-12-18";

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((ScheduleChangeKind.Licence, "GB", ProductCategory.Crude), (change.Kind, change.Regime, change.Category!.Value));
        Assert.Equal((Date("2026-06-18"), Date("2026-12-17")), (change.From, change.To));
    }

    [Fact]
    public void A_changed_licence_status_affects_its_whole_window()
    {
        var document = DefaultDocument();
        Licence(document, "GB-SAKHALIN2-2026-06-18")["status"] = "confirmed";

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((Date("2025-06-29"), Date("2026-06-17")), (change.From, change.To));
        Assert.StartsWith("licence GB-SAKHALIN2-2026-06-18: status unconfirmed -> confirmed", change.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_changed_conversion_factor_affects_that_product_everywhere()
    {
        var document = DefaultDocument();
        Entry(document, "conversionFactors", "product", "vgo")["bblPerTonne"] = 7.00m;

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.ConversionFactor, "vgo", null, null, "vgo", Min, Max,
            "conversion factor vgo: 6.76 -> 7.00 bbl/t"), change);
    }

    [Fact]
    public void A_changed_country_list_affects_any_cargo_under_any_regime()
    {
        var document = DefaultDocument();
        Regime(document, "EU")["countries"]![0]!["codes"]!.AsArray().Add("AD");

        var change = Assert.Single(DiffTo(document));

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Countries, "EU", null, null, null, Min, Max, "EU countries: added AD"), change);
    }

    [Fact]
    public void Moving_a_country_between_groups_of_one_regime_is_no_difference()
    {
        var document = DefaultDocument();
        var groups = Regime(document, "EU")["countries"]!.AsArray();
        groups[0]!["codes"]!.AsArray().Remove(groups[0]!["codes"]!.AsArray().First(c => (string?)c == "AT"));
        groups[1]!["codes"]!.AsArray().Add("AT");

        Assert.Empty(DiffTo(document));
    }

    [Fact]
    public void Dropping_the_export_scope_affects_that_regime_on_all_dates()
    {
        var document = DefaultDocument();
        Regime(document, "EU").Remove("coversExportsFromRussia");

        var change = Assert.Single(DiffTo(document));

        Assert.Equal((ScheduleChangeKind.ExportScope, "EU", "EU", (ProductCategory?)null, Min, Max),
            (change.Kind, change.Subject, change.Regime, change.Category, change.From, change.To));
    }

    [Fact]
    public void A_regime_removed_affects_any_cargo_and_its_caps_are_gone()
    {
        var document = DefaultDocument();
        document["regimes"]!.AsArray().Remove(Regime(document, "NZ"));
        foreach (var period in document["periods"]!.AsArray().Where(p => (string?)p!["regime"] == "NZ").ToList())
            document["periods"]!.AsArray().Remove(period);

        var changes = DiffTo(document);

        Assert.Equal(new ScheduleChange(ScheduleChangeKind.Regime, "NZ", null, null, null, Min, Max, "regime NZ removed"), changes[0]);
        Assert.All(changes.Skip(1), c => Assert.Equal((ScheduleChangeKind.Period, "NZ"), (c.Kind, c.Regime)));
    }

    [Fact]
    public void Changes_are_ordered_by_kind_regime_category_and_date()
    {
        var document = DefaultDocument();
        Entry(document, "conversionFactors", "product", "vgo")["bblPerTonne"] = 7.00m;
        Period(document, "NZ-CRUDE-2024-04-14")["status"] = "unconfirmed";
        Period(document, "NZ-CRUDE-2026-02-01")["capUsdPerBbl"] = 47.60m;
        Period(document, "CH-DISCOUNT-2023-02-15")["capUsdPerBbl"] = 44.00m;
        Regime(document, "EU")["countries"]![0]!["codes"]!.AsArray().Add("AD");

        var changes = DiffTo(document);

        Assert.Equal(
            ["Countries EU", "Period CH-DISCOUNT-2023-02-15", "Period NZ-CRUDE-2024-04-14", "Period NZ-CRUDE-2026-02-01", "ConversionFactor vgo"],
            changes.Select(c => $"{c.Kind} {c.Subject}"));
        Assert.Equal(changes, DiffTo(document));
    }

    [Fact]
    public void The_changes_of_an_update_are_those_of_the_downgrade()
    {
        var document = DefaultDocument();
        Period(document, "NZ-CRUDE-2026-02-01")["capUsdPerBbl"] = 47.60m;
        var newer = CapScheduleLoader.Load(document.ToJsonString());

        var back = Assert.Single(ScheduleDiff.Between(newer, Default));

        Assert.Equal("NZ crude rule NZ-CRUDE-2026-02-01: cap 47.60 -> 44.10 from 2026-02-01", back.Description);
    }
}
