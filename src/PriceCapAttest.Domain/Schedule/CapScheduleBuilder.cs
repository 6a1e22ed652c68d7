using System.Text.RegularExpressions;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

// Turns a schedule document into a CapSchedule, collecting every problem instead of stopping at the first.
internal sealed partial class CapScheduleBuilder(CapScheduleDocument document)
{
    private readonly List<string> _problems = [];

    public CapSchedule Build()
    {
        if (string.IsNullOrWhiteSpace(document.Version)) _problems.Add("version is required");
        var regimes = BuildRegimes();
        var regimeCodes = regimes.Select(r => r.Code).ToHashSet(StringComparer.Ordinal);
        var periods = BuildPeriods(regimeCodes);
        CheckOverlaps(periods);
        var transitions = BuildTransitions(periods);
        var windows = BuildSakhalin2Windows(regimeCodes);
        var factors = BuildFactors();

        if (_problems.Count > 0) throw new InvalidCapScheduleException(_problems);
        return new CapSchedule(document.Version!, document.Description, regimes, periods, transitions, windows, factors);
    }

    private List<RegimeDefinition> BuildRegimes()
    {
        var result = new List<RegimeDefinition>();
        if (document.Regimes is not { Count: > 0 })
        {
            _problems.Add("regimes: at least one regime is required");
            return result;
        }

        var countryOwner = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < document.Regimes.Count; i++)
        {
            var entry = document.Regimes[i];
            var at = $"regimes[{i}]";
            if (entry.Code is null || !CapScheduleLoader.KnownRegimes.Contains(entry.Code))
            {
                _problems.Add($"{at}.code '{entry.Code}' is not a known regime ({string.Join(", ", CapScheduleLoader.KnownRegimes)})");
                continue;
            }

            if (result.Any(r => r.Code == entry.Code)) _problems.Add($"{at}.code '{entry.Code}' is defined twice");
            foreach (var country in entry.Countries ?? [])
            {
                if (!CountryPattern().IsMatch(country)) _problems.Add($"{at}.countries: '{country}' is not an ISO 3166-1 alpha-2 code");
                else if (!countryOwner.TryAdd(country, entry.Code))
                    _problems.Add($"{at}.countries: '{country}' already belongs to regime {countryOwner[country]}");
            }

            result.Add(new RegimeDefinition(entry.Code, entry.Name ?? entry.Code, entry.Regulator ?? "", entry.Countries ?? []));
        }

        return result;
    }

    private List<CapPeriod> BuildPeriods(HashSet<string> regimeCodes)
    {
        var result = new List<CapPeriod>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document.Periods ?? [];
        if (entries.Count == 0) _problems.Add("periods: at least one cap period is required");
        for (var i = 0; i < entries.Count; i++)
        {
            var p = entries[i];
            var at = $"periods[{i}]" + (p.RuleId is null ? "" : $" ({p.RuleId})");
            var before = _problems.Count;
            if (string.IsNullOrWhiteSpace(p.RuleId)) _problems.Add($"{at}.ruleId is required");
            else if (!ids.Add(p.RuleId)) _problems.Add($"{at}.ruleId is used twice");
            if (p.Regime is null || !regimeCodes.Contains(p.Regime)) _problems.Add($"{at}.regime '{p.Regime}' is not a regime of this schedule");
            var category = ParseCategory(p.Category, $"{at}.category");
            if (p.CapUsdPerBbl is not > 0m) _problems.Add($"{at}.capUsdPerBbl must be a positive amount");
            if (p.From is null) _problems.Add($"{at}.from is required");
            if (p.From is { } from && p.To is { } to && to <= from) _problems.Add($"{at}: to ({to:yyyy-MM-dd}) must be after from ({from:yyyy-MM-dd})");
            if (string.IsNullOrWhiteSpace(p.Instrument)) _problems.Add($"{at}.instrument is required");
            if (string.IsNullOrWhiteSpace(p.Source)) _problems.Add($"{at}.source is required");
            var confirmed = ParseStatus(p.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new CapPeriod(p.RuleId!, p.Regime!, category!.Value, p.CapUsdPerBbl!.Value, p.From!.Value, p.To,
                p.Instrument!, p.Source!, confirmed, p.Note));
        }

        return result;
    }

    private void CheckOverlaps(List<CapPeriod> periods)
    {
        foreach (var group in periods.GroupBy(p => (p.Regime, p.Category)))
        {
            var ordered = group.OrderBy(p => p.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1];
                if (previous.To is null || previous.To > ordered[i].From)
                    _problems.Add($"periods {previous.RuleId} and {ordered[i].RuleId} overlap ({group.Key.Regime}, {group.Key.Category.ToScheduleName()})");
            }
        }
    }

    private List<CapTransition> BuildTransitions(List<CapPeriod> periods)
    {
        var byId = periods.ToDictionary(p => p.RuleId, StringComparer.Ordinal);
        var result = new List<CapTransition>();
        var targets = new HashSet<string>(StringComparer.Ordinal);
        var entries = document.Transitions ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var t = entries[i];
            var at = $"transitions[{i}]" + (t.Id is null ? "" : $" ({t.Id})");
            var before = _problems.Count;
            if (string.IsNullOrWhiteSpace(t.Id)) _problems.Add($"{at}.id is required");
            var category = ParseCategory(t.Category, $"{at}.category");
            CapPeriod? target = null;
            if (t.ToRuleId is null || !byId.TryGetValue(t.ToRuleId, out target))
                _problems.Add($"{at}.toRuleId '{t.ToRuleId}' does not name a period of this schedule");
            else if (!targets.Add(t.ToRuleId))
                _problems.Add($"{at}: period {t.ToRuleId} already has a transition");
            if (target is not null && (target.Regime != t.Regime || target.Category != category))
                _problems.Add($"{at}: regime and category must be those of period {target.RuleId}");
            if (t.FromRuleId is not null)
            {
                if (!byId.TryGetValue(t.FromRuleId, out var source))
                    _problems.Add($"{at}.fromRuleId '{t.FromRuleId}' does not name a period of this schedule");
                else if (target is not null && (source.Regime != target.Regime || source.Category != target.Category || source.To != target.From))
                    _problems.Add($"{at}: period {source.RuleId} must end where {target.RuleId} begins, for the same regime and category");
            }
            else if (target is not null && PeriodEndingAt(periods, target) is { } previous)
            {
                _problems.Add($"{at}: fromRuleId is null but period {previous.RuleId} precedes {target.RuleId}");
            }

            var rules = BuildRules(t.Rules, at);
            if (string.IsNullOrWhiteSpace(t.Source)) _problems.Add($"{at}.source is required");
            var confirmed = ParseStatus(t.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new CapTransition(t.Id!, t.Regime!, category!.Value, t.FromRuleId, t.ToRuleId!, rules,
                t.Instrument ?? "", t.Source!, confirmed, t.Note));
        }

        return result;
    }

    private static CapPeriod? PeriodEndingAt(List<CapPeriod> periods, CapPeriod target) =>
        periods.FirstOrDefault(p => p.Regime == target.Regime && p.Category == target.Category && p.To == target.From);

    private List<TransitionRule> BuildRules(List<TransitionRuleEntry>? entries, string at)
    {
        var rules = new List<TransitionRule>();
        if (entries is not { Count: > 0 })
        {
            _problems.Add($"{at}.rules: at least one rule is required (leave out the transition for a change decided by loading date)");
            return rules;
        }

        for (var j = 0; j < entries.Count; j++)
        {
            var r = entries[j];
            if (r.ContractBefore is null && r.LoadedBefore is null && r.DischargedBy is null && r.DischargedIn is null)
                _problems.Add($"{at}.rules[{j}] has no condition");
            if (r.DischargedIn is not null && !CountryPattern().IsMatch(r.DischargedIn))
                _problems.Add($"{at}.rules[{j}].dischargedIn '{r.DischargedIn}' is not an ISO 3166-1 alpha-2 code");
            rules.Add(new TransitionRule(r.ContractBefore, r.LoadedBefore, r.DischargedBy, r.DischargedIn));
        }

        return rules;
    }

    private List<Sakhalin2Window> BuildSakhalin2Windows(HashSet<string> regimeCodes)
    {
        var result = new List<Sakhalin2Window>();
        var entries = document.Sakhalin2Windows ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var w = entries[i];
            var at = $"sakhalin2Windows[{i}]";
            var before = _problems.Count;
            if (w.Regime is null || !regimeCodes.Contains(w.Regime)) _problems.Add($"{at}.regime '{w.Regime}' is not a regime of this schedule");
            if (w.From is null) _problems.Add($"{at}.from is required");
            if (w.From is { } from && w.To is { } to && to <= from) _problems.Add($"{at}: to must be after from");
            var confirmed = ParseStatus(w.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new Sakhalin2Window(w.Regime!, w.From!.Value, w.To, w.Instrument ?? "", w.Source ?? "", confirmed));
        }

        return result;
    }

    private List<ConversionFactor> BuildFactors()
    {
        var result = new List<ConversionFactor>();
        var entries = document.ConversionFactors ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var f = entries[i];
            var at = $"conversionFactors[{i}]";
            var before = _problems.Count;
            if (f.Product is null || !Vocabulary.Products.Contains(f.Product)) _problems.Add($"{at}.product '{f.Product}' is not a product of the attestation format");
            else if (result.Any(x => x.Product == f.Product)) _problems.Add($"{at}.product '{f.Product}' is listed twice");
            if (f.BblPerTonne is not > 0m) _problems.Add($"{at}.bblPerTonne must be positive");
            var confirmed = ParseStatus(f.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new ConversionFactor(f.Product!, f.BblPerTonne!.Value, f.Source ?? "", confirmed));
        }

        foreach (var product in Vocabulary.Products.Where(p => ProductCategories.Of(p) != ProductCategory.OutOfScope))
        {
            if (result.All(f => f.Product != product) && entries.All(e => e.Product != product))
                _problems.Add($"conversionFactors: no standard factor for '{product}'");
        }

        return result;
    }

    private ProductCategory? ParseCategory(string? value, string at)
    {
        ProductCategory? category = value switch
        {
            "crude" => ProductCategory.Crude,
            "premium" => ProductCategory.PremiumToCrude,
            "discount" => ProductCategory.DiscountToCrude,
            _ => null,
        };
        if (category is null) _problems.Add($"{at} '{value}' must be crude, premium or discount");
        return category;
    }

    private bool ParseStatus(string? value, string at)
    {
        if (value is "confirmed") return true;
        if (value is not "unconfirmed") _problems.Add($"{at} '{value}' must be confirmed or unconfirmed");
        return false;
    }

    [GeneratedRegex("^[A-Z]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();
}
