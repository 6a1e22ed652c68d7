namespace PriceCapAttest.Domain.Schedule;

/// <summary>Countries (ISO 3166-1 alpha-2) that act under a regime, with the source that says so.</summary>
public sealed record CountryGroup(IReadOnlyList<string> Countries, string Basis, string Source);
