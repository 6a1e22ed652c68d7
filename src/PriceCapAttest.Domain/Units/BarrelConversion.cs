namespace PriceCapAttest.Domain.Units;

/// <summary>Volume and mass conversions to barrels (docs/cap-rules.md, "Units"), in decimal.</summary>
public static class BarrelConversion
{
    public const decimal LitresPerBarrel = 158.987294928m;
    public const decimal BarrelsPerCubicMetre = 6.28981m;

    /// <summary>bbl/t = (API + 131.5) / (141.5 x 0.158987294928).</summary>
    public static decimal BarrelsPerTonneFromApiGravity(decimal api) =>
        (api + 131.5m) / (141.5m * (LitresPerBarrel / 1000m));

    /// <summary>bbl/t = 1000 / (density x 0.158987294928), density in kg/m3 at 15 C.</summary>
    public static decimal BarrelsPerTonneFromDensity(decimal densityKgM3) =>
        1000m / (densityKgM3 * (LitresPerBarrel / 1000m));
}
