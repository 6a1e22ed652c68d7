namespace PriceCapAttest.Domain.Schedule;

/// <summary>A coalition regime and the countries whose providers, attestors and flags act under it.</summary>
public sealed record RegimeDefinition(string Code, string Name, string Regulator, IReadOnlyList<string> Countries);
