using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A licence (or a standing exception such as the Sakhalin-2 windows) under which a regime exempts cargoes that
/// meet its conditions. Every condition given must hold: loaded on or after <see cref="LoadedFrom"/> and before
/// <see cref="LoadedBefore"/>, discharged by <see cref="DischargedBy"/> (on or before), discharged in one of
/// <see cref="DischargeCountries"/> (the country of the discharge port), a product of <see cref="Categories"/> or
/// <see cref="Products"/>. A licence whose conditions a document cannot show (the Sakhalin-2 project origin, say)
/// counts only when the document claims it (<see cref="ClaimRequired"/>): exemption type <see cref="Kind"/>, and
/// for a general licence a reference naming one of <see cref="References"/>.
/// </summary>
public sealed record Licence(
    string Id,
    string Regime,
    string Kind,
    string Instrument,
    IReadOnlyList<ProductCategory> Categories,
    IReadOnlyList<string> Products,
    DateOnly? LoadedFrom,
    DateOnly? LoadedBefore,
    DateOnly? DischargedBy,
    IReadOnlyList<string> DischargeCountries,
    bool ClaimRequired,
    IReadOnlyList<string> References,
    string Source,
    bool Confirmed,
    string? Note)
{
    public const string Sakhalin2 = Vocabulary.Sakhalin2;
    public const string GeneralLicence = Vocabulary.GeneralLicence;

    /// <summary>True when a cargo loaded on <paramref name="date"/> is inside the loading window.</summary>
    public bool OpenOn(DateOnly date) => (LoadedFrom is null || date >= LoadedFrom.Value) && (LoadedBefore is null || date < LoadedBefore.Value);

    public bool Covers(string product, ProductCategory category) =>
        (Categories.Count == 0 || Categories.Contains(category)) && (Products.Count == 0 || Products.Contains(product));

    /// <summary>
    /// True when the document's exemption claims this licence: same kind and, for a general licence, a reference
    /// that names it (letters and digits compared, case ignored: "GL 134", "gl-134" and "GL134" are one).
    /// </summary>
    public bool IsClaimedBy(Exemption? exemption)
    {
        if (exemption?.Type != Kind) return false;
        if (Kind != GeneralLicence) return true;
        var claimed = Normalize(exemption.Reference);
        if (claimed.Length == 0) return false;
        foreach (var reference in References)
        {
            if (Normalize(reference) == claimed) return true;
        }
        return Normalize(Id) == claimed;
    }

    private static string Normalize(string? reference) =>
        reference is null ? "" : string.Concat(reference.Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();
}
