using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Domain.Units;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// Turns a validated document's price into USD per barrel, FOB-equivalent (docs/attestation-format.md, step 4):
/// currency by fxRatesToUsd, tonnes and cubic metres to barrels, and the itemised costs the basis includes
/// deducted. Costs of type port and other are never deducted: where in doubt, nothing is deducted.
/// </summary>
public sealed class PriceNormalizer(CapSchedule schedule)
{
    public NormalizedPrice Normalize(AttestationDocument document)
    {
        var cargo = document.Cargo!;
        var price = document.Price!;
        var conversion = new Conversion(document, schedule);

        var delivered = conversion.UsdPerBarrel(price.Value!.Value, price.Currency!, price.Unit!);
        var deductible = DeductibleTypes(price.Basis!);
        var missing = MissingTypes(deductible.Required, document.AncillaryCosts);

        var deducted = 0m;
        var costs = document.AncillaryCosts;
        for (var i = 0; i < costs.Count; i++)
        {
            var cost = costs[i];
            if (deductible.All.Contains(cost.Type!))
                deducted += conversion.UsdPerBarrel(cost.Value!.Value, cost.Currency!, cost.Unit!);
        }

        // Without every required item the deductions cannot be trusted: compare the undeducted price.
        var fob = missing.Count > 0 ? delivered : delivered - deducted;
        return new NormalizedPrice(
            delivered,
            missing.Count > 0 ? 0m : deducted,
            NormalizedPrice.Round(fob),
            conversion.UsedStandardFactor,
            missing);
    }

    private static readonly (string[] Required, string[] All) NoDeductions = ([], []);
    private static readonly (string[] Required, string[] All) FreightOnly = (["freight"], ["freight"]);
    private static readonly (string[] Required, string[] All) DeliveredDutyPaid =
        (["freight", "insurance"], ["freight", "insurance", "sts", "customs"]);
    private static readonly (string[] Required, string[] All) FreightAndInsurance =
        (["freight", "insurance"], ["freight", "insurance", "sts"]);

    private static (string[] Required, string[] All) DeductibleTypes(string basis) => basis switch
    {
        "FOB" or "FCA" => NoDeductions,
        "CFR" or "CPT" => FreightOnly,
        "DDP" => DeliveredDutyPaid,
        _ => FreightAndInsurance, // CIF, CIP, DAP, DPU, DES
    };

    /// <summary>The required cost types, in their order, that no itemised cost has.</summary>
    private static List<string> MissingTypes(string[] required, IReadOnlyList<AncillaryCost> costs)
    {
        var missing = new List<string>(0);
        foreach (var type in required)
        {
            var given = false;
            for (var i = 0; i < costs.Count; i++) given |= costs[i].Type == type;
            if (!given) missing.Add(type);
        }
        return missing;
    }

    private sealed class Conversion(AttestationDocument document, CapSchedule schedule)
    {
        private readonly Cargo _cargo = document.Cargo!;
        private decimal? _barrelsPerTonne;
        private decimal? _quantityInBarrels;

        public bool UsedStandardFactor { get; private set; }

        public decimal UsdPerBarrel(decimal amount, string currency, string unit)
        {
            var usd = currency == "USD" ? amount : amount * document.FxRatesToUsd[currency]!.Value;
            return unit switch
            {
                "bbl" => usd,
                "t" => usd / BarrelsPerTonne(),
                "m3" => usd / BarrelConversion.BarrelsPerCubicMetre,
                _ => usd / QuantityInBarrels(), // lumpsum: spread over the cargo
            };
        }

        private decimal QuantityInBarrels() => _quantityInBarrels ??= _cargo.Quantity!.Unit switch
        {
            "bbl" => _cargo.Quantity.Value!.Value,
            "t" => _cargo.Quantity.Value!.Value * BarrelsPerTonne(),
            _ => _cargo.Quantity.Value!.Value * BarrelConversion.BarrelsPerCubicMetre,
        };

        private decimal BarrelsPerTonne() => _barrelsPerTonne ??= ComputeBarrelsPerTonne();

        private decimal ComputeBarrelsPerTonne()
        {
            if (_cargo.ApiGravity is { } api) return BarrelConversion.BarrelsPerTonneFromApiGravity(api);
            if (_cargo.DensityKgM3 is { } density) return BarrelConversion.BarrelsPerTonneFromDensity(density);
            UsedStandardFactor = true;
            return schedule.StandardFactorOf(_cargo.Product!)?.BarrelsPerTonne
                ?? throw new InvalidOperationException($"The cap schedule has no standard factor for {_cargo.Product}.");
        }
    }
}
