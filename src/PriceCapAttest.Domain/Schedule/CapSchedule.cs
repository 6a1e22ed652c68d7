using System.Collections.Frozen;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A validated, immutable cap schedule: regimes, caps per period, transitions, Sakhalin-2 windows and standard
/// conversion factors. Built only by <see cref="CapScheduleLoader"/>, which refuses an inconsistent schedule.
/// </summary>
public sealed class CapSchedule
{
    public static readonly IReadOnlyList<ProductCategory> CappedCategories =
        [ProductCategory.Crude, ProductCategory.PremiumToCrude, ProductCategory.DiscountToCrude];

    private readonly FrozenDictionary<string, string> _regimeByCountry;
    private readonly FrozenDictionary<(string Regime, ProductCategory Category), CapPeriod[]> _periods;
    private readonly FrozenDictionary<string, CapTransition> _transitionByTarget;
    private readonly FrozenDictionary<string, ConversionFactor> _factors;

    internal CapSchedule(
        string version,
        string? description,
        IReadOnlyList<RegimeDefinition> regimes,
        IReadOnlyList<CapPeriod> periods,
        IReadOnlyList<CapTransition> transitions,
        IReadOnlyList<Sakhalin2Window> sakhalin2Windows,
        IReadOnlyList<ConversionFactor> conversionFactors)
    {
        Version = version;
        Description = description;
        Regimes = regimes;
        Periods = periods;
        Transitions = transitions;
        Sakhalin2Windows = sakhalin2Windows;
        ConversionFactors = conversionFactors;
        _regimeByCountry = regimes
            .SelectMany(r => r.Countries.Select(c => (Country: c, r.Code)))
            .ToFrozenDictionary(x => x.Country, x => x.Code, StringComparer.Ordinal);
        _periods = periods
            .GroupBy(p => (p.Regime, p.Category))
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(p => p.From).ToArray());
        _transitionByTarget = transitions.ToFrozenDictionary(t => t.ToRuleId, StringComparer.Ordinal);
        _factors = conversionFactors.ToFrozenDictionary(f => f.Product, StringComparer.Ordinal);
    }

    public string Version { get; }
    public string? Description { get; }
    public IReadOnlyList<RegimeDefinition> Regimes { get; }
    public IReadOnlyList<CapPeriod> Periods { get; }
    public IReadOnlyList<CapTransition> Transitions { get; }
    public IReadOnlyList<Sakhalin2Window> Sakhalin2Windows { get; }
    public IReadOnlyList<ConversionFactor> ConversionFactors { get; }

    /// <summary>The regime a country acts under (an EU member state: EU), or null outside the coalition.</summary>
    public string? RegimeOf(string country) => _regimeByCountry.GetValueOrDefault(country);

    /// <summary>The periods of one regime and category, oldest first.</summary>
    public IReadOnlyList<CapPeriod> PeriodsOf(string regime, ProductCategory category) =>
        _periods.GetValueOrDefault((regime, category)) ?? [];

    /// <summary>The transition that introduced the given period, if the schedule records one.</summary>
    public CapTransition? TransitionInto(string ruleId) => _transitionByTarget.GetValueOrDefault(ruleId);

    public Sakhalin2Window? Sakhalin2WindowOn(string regime, DateOnly loadingDate) =>
        Sakhalin2Windows.FirstOrDefault(w => w.Regime == regime && w.Contains(loadingDate));

    public ConversionFactor? StandardFactorOf(string product) => _factors.GetValueOrDefault(product);

    /// <summary>The cap in force per regime and category for a cargo loaded on <paramref name="date"/>, ignoring transitions.</summary>
    public IReadOnlyList<CapInForce> InForceOn(DateOnly date) =>
        [.. Regimes.SelectMany(r => CappedCategories.Select(c =>
            new CapInForce(r.Code, c, PeriodsOf(r.Code, c).FirstOrDefault(p => p.Contains(date)))))];
}
