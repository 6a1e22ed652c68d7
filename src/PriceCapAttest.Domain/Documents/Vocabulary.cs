using System.Collections.Frozen;

namespace PriceCapAttest.Domain.Documents;

/// <summary>The fixed vocabularies of attestation document v1 (docs/attestation-format.md).</summary>
public static class Vocabulary
{
    public const string SupportedSchemaMajor = "1";

    /// <summary>The first version of the format.</summary>
    public const string SchemaVersion10 = "1.0";

    /// <summary>Adds cargo.owner and the exemption type general_licence.</summary>
    public const string SchemaVersion11 = "1.1";

    public const string Sakhalin2 = "sakhalin2";

    /// <summary>Since v1.1: a general licence (its id in exemption.reference, for example "GL 134").</summary>
    public const string GeneralLicence = "general_licence";

    public static readonly FrozenSet<string> Products = FrozenSet.Create(StringComparer.Ordinal,
        "crude", "gasoline", "diesel", "kerosene", "vgo", "naphtha", "fuel_oil", "other_2710", "lpg", "lng", "bitumen");

    public static readonly FrozenSet<string> QuantityUnits = FrozenSet.Create(StringComparer.Ordinal, "bbl", "t", "m3");

    public static readonly FrozenSet<string> PriceUnits = QuantityUnits;

    public static readonly FrozenSet<string> AncillaryCostUnits =
        FrozenSet.Create(StringComparer.Ordinal, "bbl", "t", "m3", "lumpsum");

    public static readonly FrozenSet<string> Incoterms = FrozenSet.Create(StringComparer.Ordinal,
        "FOB", "FCA", "CFR", "CPT", "CIF", "CIP", "DAP", "DPU", "DDP", "DES");

    public static readonly FrozenSet<string> AncillaryCostTypes = FrozenSet.Create(StringComparer.Ordinal,
        "freight", "insurance", "port", "sts", "customs", "other");

    public static readonly FrozenSet<string> ServiceProviderRoles = FrozenSet.Create(StringComparer.Ordinal,
        "trader", "broker", "financier", "shipowner", "operator", "charterer", "insurer", "reinsurer",
        "flag_registry", "customs_broker", "other");

    public static readonly FrozenSet<string> ExemptionTypes = FrozenSet.Create(StringComparer.Ordinal, Sakhalin2, GeneralLicence);

    /// <summary>The exemption types of v1.0 (general_licence came with v1.1).</summary>
    public static readonly FrozenSet<string> ExemptionTypesV10 = FrozenSet.Create(StringComparer.Ordinal, Sakhalin2);

    /// <summary>HS headings (first four digits) each product must be declared under.</summary>
    public static readonly FrozenDictionary<string, string[]> HsHeadingsByProduct = new Dictionary<string, string[]>
    {
        ["crude"] = ["2709"],
        ["gasoline"] = ["2710"],
        ["diesel"] = ["2710"],
        ["kerosene"] = ["2710"],
        ["vgo"] = ["2710"],
        ["naphtha"] = ["2710"],
        ["fuel_oil"] = ["2710"],
        ["other_2710"] = ["2710"],
        ["lpg"] = ["2711"],
        ["lng"] = ["2711"],
        ["bitumen"] = ["2713", "2715"],
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
