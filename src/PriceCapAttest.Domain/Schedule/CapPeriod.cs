using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A cap in force for one regime and category over the half-open interval [From, To) of loading dates
/// (To null: still in force). <see cref="RuleId"/> is what results cite. <see cref="KnownUntil"/> is the effective
/// date of the next scheduled review (the EU's dynamic mechanism reviews every six months): from that date on,
/// without a later period, nobody has confirmed the value, so it counts as unconfirmed (docs/cap-rules.md).
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
    string? Note,
    DateOnly? KnownUntil = null)
{
    public bool Contains(DateOnly date) => date >= From && (To is null || date < To.Value);

    /// <summary>True when a source confirms the value for a cargo loaded on <paramref name="loadingDate"/>.</summary>
    public bool ConfirmedOn(DateOnly loadingDate) => Confirmed && !IsPastReview(loadingDate);

    /// <summary>True when <paramref name="date"/> is on or after the review that the value is known to hold until.</summary>
    public bool IsPastReview(DateOnly date) => KnownUntil is { } until && date >= until;
}
