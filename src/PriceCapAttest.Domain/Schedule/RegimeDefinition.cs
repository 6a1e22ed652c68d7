namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// A coalition regime and the countries whose providers, attestors and flags act under it, in groups that each
/// cite their source (member states; the EU's outermost regions; the UK's Crown Dependencies, ...).
/// </summary>
public sealed record RegimeDefinition(string Code, string Name, string Regulator, IReadOnlyList<CountryGroup> CountryGroups)
{
    public IReadOnlyList<string> Countries { get; } = [.. CountryGroups.SelectMany(g => g.Countries)];

    /// <summary>
    /// Set when the regime covers oil exported from Russia besides Russian-origin oil (the EU, Reg. 833/2014
    /// Art. 3n): non-Russian oil loaded in Russia is then outside it only with a non-Russian owner.
    /// </summary>
    public ExportScope? ExportScope { get; init; }
}

/// <summary>The instrument and source by which a regime covers oil exported from Russia.</summary>
public sealed record ExportScope(string Instrument, string Source);
