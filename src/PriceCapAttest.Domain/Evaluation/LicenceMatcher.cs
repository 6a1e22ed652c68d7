using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>Whether a cargo meets a licence's conditions (docs/cap-rules.md, "Licences"), dates compared at date level.</summary>
internal static class LicenceMatcher
{
    public static ConditionMatch Match(Licence licence, string product, ProductCategory category, CargoDates cargo)
    {
        if (!licence.Covers(product, category) || !licence.OpenOn(cargo.LoadingDate)) return ConditionMatch.No;

        var inCountry = licence.DischargeCountries.Count > 0 ? cargo.DischargedIn(licence.DischargeCountries) : ConditionMatch.Yes;
        var byDate = licence.DischargedBy is { } dischargedBy ? cargo.DischargedBy(dischargedBy) : ConditionMatch.Yes;
        if (byDate == ConditionMatch.No || inCountry == ConditionMatch.No) return ConditionMatch.No;
        var unknown = byDate == ConditionMatch.Unknown || inCountry == ConditionMatch.Unknown;
        return unknown ? ConditionMatch.Unknown : ConditionMatch.Yes;
    }
}
