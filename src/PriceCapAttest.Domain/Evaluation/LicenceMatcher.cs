using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>Whether a cargo meets a licence's conditions (docs/cap-rules.md, "Licences"), dates compared at date level.</summary>
internal static class LicenceMatcher
{
    public static ConditionMatch Match(Licence licence, string product, ProductCategory category, CargoDates cargo)
    {
        if (!licence.Covers(product, category) || !licence.OpenOn(cargo.LoadingDate)) return ConditionMatch.No;

        var unknown = false;
        if (licence.DischargeCountries.Count > 0)
        {
            if (cargo.DischargeCountry is not { } country) unknown = true;
            else if (!licence.DischargeCountries.Contains(country)) return ConditionMatch.No;
        }

        if (licence.DischargedBy is { } dischargedBy)
        {
            if (cargo.DischargeDate is { } discharged)
            {
                if (discharged > dischargedBy) return ConditionMatch.No;
            }
            else if (cargo.LoadingDate > dischargedBy)
            {
                return ConditionMatch.No; // discharge cannot precede loading
            }
            else
            {
                unknown = true;
            }
        }

        return unknown ? ConditionMatch.Unknown : ConditionMatch.Yes;
    }
}
