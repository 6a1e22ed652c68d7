using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>A fleet replacement's outcome: the fleet now stored, or the refusal (nothing written).</summary>
public sealed record FleetReplacement(Fleet? Fleet, FleetRefusal? Refusal)
{
    public static FleetReplacement Stored(Fleet fleet) => new(fleet, null);

    public static FleetReplacement Refused(FleetRefusal refusal) => new(null, refusal);
}
