namespace PriceCapAttest.Domain.Schedule;

/// <summary>Standard barrels per tonne of a product, used when a document gives neither API gravity nor density.</summary>
public sealed record ConversionFactor(string Product, decimal BarrelsPerTonne, string Source, bool Confirmed, string? Note = null);
