namespace PriceCapAttest.Domain.Schedule;

/// <summary>Loading dates [From, To) in which a regime exempts Sakhalin-2 crude discharged in Japan.</summary>
public sealed record Sakhalin2Window(string Regime, DateOnly From, DateOnly? To, string Instrument, string Source, bool Confirmed)
{
    public bool Contains(DateOnly date) => date >= From && (To is null || date < To.Value);
}
