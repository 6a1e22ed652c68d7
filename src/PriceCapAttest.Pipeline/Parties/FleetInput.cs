using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>Checks a requested fleet: every entry an IMO number (bare or "IMO 9074729"), at most <see cref="FleetStore.MaxImos"/> distinct.</summary>
internal static class FleetInput
{
    /// <summary>The distinct 7-digit IMO numbers, sorted; or the refusal naming each bad entry.</summary>
    public static (IReadOnlyList<string> Imos, FleetRefusal? Refusal) Normalise(IEnumerable<string?> entries)
    {
        var imos = new SortedSet<string>(StringComparer.Ordinal);
        var refused = new List<RefusedImo>();
        var index = 0;
        foreach (var entry in entries)
        {
            if (index == FleetStore.MaxEntries)
            {
                return ([], new FleetRefusal("imos", $"At most {FleetStore.MaxEntries} entries are accepted in one request.", []));
            }

            if (ImoNumber.TryParse(entry, out var imo))
            {
                imos.Add(imo.Value);
            }
            else
            {
                refused.Add(new RefusedImo(index, entry ?? "", ImoNumber.IsWellFormed(entry)
                    ? "The check digit does not match."
                    : "Not an IMO number: 7 digits, e.g. 9074729 or IMO 9074729."));
            }

            index++;
        }

        if (refused.Count > 0)
        {
            return ([], new FleetRefusal("imos", $"{refused.Count} of the entries are not valid IMO numbers; nothing was changed.", refused));
        }

        return imos.Count > FleetStore.MaxImos
            ? ([], new FleetRefusal("imos", $"The fleet has {imos.Count} vessels; at most {FleetStore.MaxImos} are accepted.", []))
            : ([.. imos], null);
    }
}
