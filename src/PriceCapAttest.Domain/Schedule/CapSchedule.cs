using System.Collections.Frozen;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A validated, immutable cap schedule: regimes, caps per period, transitions, licences (the Sakhalin-2 windows
/// among them) and standard conversion factors. Built only by <see cref="CapScheduleLoader"/>, which refuses an inconsistent schedule.
/// </summary>
public sealed class CapSchedule
{
    public static readonly IReadOnlyList<ProductCategory> CappedCategories =
        [ProductCategory.Crude, ProductCategory.PremiumToCrude, ProductCategory.DiscountToCrude];

    private readonly FrozenDictionary<string, string> _regimeByCountry;
    private readonly FrozenDictionary<(string Regime, ProductCategory Category), CapPeriod[]> _periods;
    private readonly FrozenDictionary<string, CapTransition> _transitionByTarget;
    private readonly FrozenDictionary<string, ConversionFactor> _factors;
    private readonly FrozenDictionary<string, Licence[]> _licences;
    private readonly FrozenSet<string> _exportScopes;

    internal CapSchedule(
        string version,
        string? description,
        IReadOnlyList<RegimeDefinition> regimes,
        IReadOnlyList<CapPeriod> periods,
        IReadOnlyList<CapTransition> transitions,
        IReadOnlyList<Licence> licences,
        IReadOnlyList<ConversionFactor> conversionFactors)
    {
        Version = version;
        Description = description;
        Regimes = regimes;
        Periods = periods;
        Transitions = transitions;
        Licences = licences;
        ConversionFactors = conversionFactors;
        _regimeByCountry = regimes
            .SelectMany(r => r.Countries.Select(c => (Country: c, r.Code)))
            .ToFrozenDictionary(x => x.Country, x => x.Code, StringComparer.Ordinal);
        _periods = periods
            .GroupBy(p => (p.Regime, p.Category))
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.From).ToArray());
        _transitionByTarget = transitions.ToFrozenDictionary(t => t.ToRuleId, StringComparer.Ordinal);
        _factors = conversionFactors.ToFrozenDictionary(f => f.Product, StringComparer.Ordinal);
        _exportScopes = regimes.Where(r => r.ExportScope is not null).Select(r => r.Code).ToFrozenSet(StringComparer.Ordinal);
        _licences = licences.GroupBy(l => l.Regime).ToFrozenDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
    }

    public string Version { get; }
    public string? Description { get; }
    public IReadOnlyList<RegimeDefinition> Regimes { get; }
    public IReadOnlyList<CapPeriod> Periods { get; }
    public IReadOnlyList<CapTransition> Transitions { get; }
    public IReadOnlyList<Licence> Licences { get; }
    public IReadOnlyList<ConversionFactor> ConversionFactors { get; }

    /// <summary>The regime a country acts under (an EU member state: EU), or null outside the coalition.</summary>
    public string? RegimeOf(string country) => _regimeByCountry.GetValueOrDefault(country);

    /// <summary>True when the regime also covers oil exported from Russia (see <see cref="RegimeDefinition.ExportScope"/>).</summary>
    public bool CoversExportsFromRussia(string regime) => _exportScopes.Contains(regime);

    /// <summary>The periods of one regime and category, oldest first.</summary>
    public IReadOnlyList<CapPeriod> PeriodsOf(string regime, ProductCategory category) =>
        _periods.GetValueOrDefault((regime, category)) ?? [];

    /// <summary>The transition that introduced the given period, if the schedule records one.</summary>
    public CapTransition? TransitionInto(string ruleId) => _transitionByTarget.GetValueOrDefault(ruleId);

    /// <summary>The licences whose loading window is open on <paramref name="date"/>.</summary>
    public IReadOnlyList<Licence> LicencesOpenOn(DateOnly date) => [.. Licences.Where(l => l.OpenOn(date))];

    /// <summary>The licences of one regime, in the schedule's order.</summary>
    public IReadOnlyList<Licence> LicencesOf(string regime) => _licences.GetValueOrDefault(regime) ?? [];

    public ConversionFactor? StandardFactorOf(string product) => _factors.GetValueOrDefault(product);

    /// <summary>The cap in force per regime and category for a cargo loaded on <paramref name="date"/>, ignoring transitions.</summary>
    public IReadOnlyList<CapInForce> InForceOn(DateOnly date) =>
        [.. Regimes.SelectMany(r => CappedCategories.Select(c =>
            new CapInForce(r.Code, c, PeriodsOf(r.Code, c).FirstOrDefault(p => p.Contains(date)), date)))];

    /// <summary>
    /// The caps that have aged by <paramref name="today"/>: the last period of a regime and category whose review
    /// date has passed with no later period, so that cargo loaded from the review on meets an unconfirmed cap.
    /// </summary>
    public IReadOnlyList<StaleCap> StaleOn(DateOnly today) =>
        [.. Regimes.SelectMany(r => CappedCategories.Select(c => PeriodsOf(r.Code, c)))
            .Where(periods => periods.Count > 0 && periods[^1] is { To: null } last && last.IsPastReview(today))
            .Select(periods => new StaleCap(periods[^1], today))];
}
