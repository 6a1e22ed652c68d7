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
        var licences = BuildLicences(regimeCodes);
        if (document.Sakhalin2Windows is not null)
            _problems.Add("sakhalin2Windows: this list was replaced by licences of kind \"sakhalin2\" (claimRequired true, dischargeCountries [\"JP\"]); see docs/cap-rules.md, \"Licences\"");
        var factors = BuildFactors();

        if (_problems.Count > 0) throw new InvalidCapScheduleException(_problems);
        return new CapSchedule(document.Version!, document.Description, regimes, periods, transitions, licences, factors);
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
            var groups = new List<CountryGroup>();
            var groupEntries = entry.Countries ?? [];
            if (groupEntries.Count == 0) _problems.Add($"{at}.countries: at least one group of countries is required");
            for (var g = 0; g < groupEntries.Count; g++)
            {
                var group = groupEntries[g];
                var groupAt = $"{at}.countries[{g}]";
                if (group.Codes is not { Count: > 0 }) _problems.Add($"{groupAt}.codes: at least one country is required");
                if (string.IsNullOrWhiteSpace(group.Source)) _problems.Add($"{groupAt}.source is required: say which instrument makes these countries act under {entry.Code}");
                foreach (var country in group.Codes ?? [])
                {
                    if (!CountryPattern().IsMatch(country)) _problems.Add($"{groupAt}.codes: '{country}' is not an ISO 3166-1 alpha-2 code");
                    else if (!countryOwner.TryAdd(country, entry.Code))
                        _problems.Add($"{groupAt}.codes: '{country}' already belongs to regime {countryOwner[country]}");
                }
                groups.Add(new CountryGroup(group.Codes ?? [], group.Basis ?? "", group.Source ?? ""));
            }

            if (entry.CoversExportsFromRussia is { } exports && string.IsNullOrWhiteSpace(exports.Source))
                _problems.Add($"{at}.coversExportsFromRussia.source is required");
            result.Add(new RegimeDefinition(entry.Code, entry.Name ?? entry.Code, entry.Regulator ?? "", groups)
            {
                ExportScope = entry.CoversExportsFromRussia is { } scope ? new ExportScope(scope.Instrument ?? "", scope.Source ?? "") : null,
            });
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
            if (p.From is { } start && p.KnownUntil is { } until && until <= start)
                _problems.Add($"{at}: knownUntil ({until:yyyy-MM-dd}) must be after from ({start:yyyy-MM-dd})");
            if (p.To is { } end && p.KnownUntil is { } knownUntil && knownUntil < end)
                _problems.Add($"{at}: knownUntil ({knownUntil:yyyy-MM-dd}) is before to ({end:yyyy-MM-dd}): a period cannot end after the date it is known to hold until");
            if (string.IsNullOrWhiteSpace(p.Instrument)) _problems.Add($"{at}.instrument is required");
            if (string.IsNullOrWhiteSpace(p.Source)) _problems.Add($"{at}.source is required");
            var confirmed = ParseStatus(p.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new CapPeriod(p.RuleId!, p.Regime!, category!.Value, p.CapUsdPerBbl!.Value, p.From!.Value, p.To,
                p.Instrument!, p.Source!, confirmed, p.Note, p.KnownUntil));
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

            if (string.IsNullOrWhiteSpace(t.Source)) _problems.Add($"{at}.source is required");
            var confirmed = ParseStatus(t.Status, $"{at}.status");
            var rules = BuildRules(t.Rules, at, confirmed);
            if (_problems.Count > before) continue;
            result.Add(new CapTransition(t.Id!, t.Regime!, category!.Value, t.FromRuleId, t.ToRuleId!, rules,
                t.Instrument ?? "", t.Source!, confirmed, t.Note));
        }

        return result;
    }

    private static CapPeriod? PeriodEndingAt(List<CapPeriod> periods, CapPeriod target) =>
        periods.FirstOrDefault(p => p.Regime == target.Regime && p.Category == target.Category && p.To == target.From);

    private List<TransitionRule> BuildRules(List<TransitionRuleEntry>? entries, string at, bool transitionConfirmed)
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
            var confirmed = r.Status is null ? transitionConfirmed : ParseStatus(r.Status, $"{at}.rules[{j}].status");
            rules.Add(new TransitionRule(r.ContractBefore, r.LoadedBefore, r.DischargedBy, r.DischargedIn, confirmed));
        }

        return rules;
    }

    private List<Licence> BuildLicences(HashSet<string> regimeCodes)
    {
        var result = new List<Licence>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var entries = document.Licences ?? [];
        for (var i = 0; i < entries.Count; i++)
        {
            var l = entries[i];
            var at = $"licences[{i}]" + (l.Id is null ? "" : $" ({l.Id})");
            var before = _problems.Count;
            if (string.IsNullOrWhiteSpace(l.Id)) _problems.Add($"{at}.id is required");
            else if (!ids.Add(l.Id)) _problems.Add($"{at}.id is used twice");
            if (l.Regime is null || !regimeCodes.Contains(l.Regime)) _problems.Add($"{at}.regime '{l.Regime}' is not a regime of this schedule");
            if (l.Kind is not (Licence.Sakhalin2 or Licence.GeneralLicence))
                _problems.Add($"{at}.kind '{l.Kind}' must be {Licence.Sakhalin2} or {Licence.GeneralLicence}");
            var categories = new List<ProductCategory>();
            foreach (var name in l.Categories ?? [])
            {
                if (ParseCategory(name, $"{at}.categories") is { } category) categories.Add(category);
            }
            foreach (var product in l.Products ?? [])
            {
                if (!Vocabulary.Products.Contains(product)) _problems.Add($"{at}.products: '{product}' is not a product of the attestation format");
            }
            foreach (var country in l.DischargeCountries ?? [])
            {
                if (!CountryPattern().IsMatch(country)) _problems.Add($"{at}.dischargeCountries: '{country}' is not an ISO 3166-1 alpha-2 code");
            }
            if (l.LoadedFrom is { } from && l.LoadedBefore is { } until && until <= from)
                _problems.Add($"{at}: loadedBefore must be after loadedFrom");
            if (l.LoadedFrom is null && l.LoadedBefore is null && l.DischargedBy is null && l.DischargeCountries is not { Count: > 0 })
                _problems.Add($"{at} has no condition on dates or destination");
            if (l.ClaimRequired is null) _problems.Add($"{at}.claimRequired is required (true when the document must claim the licence)");
            if (l.Kind == Licence.GeneralLicence && l.ClaimRequired == true && l.References is not { Count: > 0 })
                _problems.Add($"{at}.references: a licence that must be claimed needs the references a document may name it by (for example \"GL 134\")");
            if (string.IsNullOrWhiteSpace(l.Instrument)) _problems.Add($"{at}.instrument is required");
            if (string.IsNullOrWhiteSpace(l.Source)) _problems.Add($"{at}.source is required");
            var confirmed = ParseStatus(l.Status, $"{at}.status");
            if (_problems.Count > before) continue;
            result.Add(new Licence(l.Id!, l.Regime!, l.Kind!, l.Instrument!, categories, l.Products ?? [], l.LoadedFrom, l.LoadedBefore,
                l.DischargedBy, l.DischargeCountries ?? [], l.ClaimRequired!.Value, l.References ?? [], l.Source!, confirmed, l.Note));
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
            result.Add(new ConversionFactor(f.Product!, f.BblPerTonne!.Value, f.Source ?? "", confirmed, f.Note));
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
