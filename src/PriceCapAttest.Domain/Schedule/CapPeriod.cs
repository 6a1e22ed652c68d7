using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A cap in force for one regime and category over the half-open interval [From, To) of loading dates
/// (To null: still in force). <see cref="RuleId"/> is what results cite.
/// </summary>
public sealed record CapPeriod(
    string RuleId,
    string Regime,
    ProductCategory Category,
    decimal CapUsdPerBbl,
    DateOnly From,
    DateOnly? To,
    string Instrument,
    string Source,
    bool Confirmed,
    string? Note)
{
    public bool Contains(DateOnly date) => date >= From && (To is null || date < To.Value);
}
