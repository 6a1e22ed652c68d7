namespace PriceCapAttest.Domain.Documents;

/// <summary>
/// One attestation as read from JSON or CSV, before validation. Every field is nullable because a shipper's
/// document may lack it; the validators decide what is required. Type errors found while reading are reported
/// by the readers and leave the field null.
/// </summary>
public sealed record AttestationDocument
{
    public string? SchemaVersion { get; init; }
    public string? AttestationId { get; init; }
    public Attestor? Attestor { get; init; }
    public Vessel? Vessel { get; init; }
    public Voyage? Voyage { get; init; }
    public ContractInfo? Contract { get; init; }
    public Cargo? Cargo { get; init; }
    public Price? Price { get; init; }
    public IReadOnlyList<AncillaryCost> AncillaryCosts { get; init; } = [];
    public IReadOnlyDictionary<string, decimal?> FxRatesToUsd { get; init; } = new Dictionary<string, decimal?>();
    public IReadOnlyList<ServiceProvider> ServiceProviders { get; init; } = [];
    public Exemption? Exemption { get; init; }
}

public sealed record Attestor
{
    public string? Name { get; init; }
    public int? Tier { get; init; }
    public string? Country { get; init; }
    public string? Signatory { get; init; }
    public DateTimeOffset? SignedAt { get; init; }
}

public sealed record Vessel
{
    /// <summary>As written in the document ("IMO 9074729" or "9074729"); see <see cref="ImoNumber"/>.</summary>
    public string? Imo { get; init; }
    public string? Name { get; init; }
    public string? Flag { get; init; }
}

public sealed record Voyage
{
    public string? LoadPort { get; init; }
    public DateOnly? LoadingDate { get; init; }
    public string? DischargePort { get; init; }
    public DateOnly? DischargeDate { get; init; }
    public bool? StsTransfer { get; init; }
}

public sealed record ContractInfo
{
    public string? Reference { get; init; }
    public DateOnly? Date { get; init; }
}

public sealed record Cargo
{
    public string? Product { get; init; }
    public string? HsCode { get; init; }
    public string? Grade { get; init; }
    public string? Origin { get; init; }
    public Quantity? Quantity { get; init; }
    public decimal? ApiGravity { get; init; }
    public decimal? DensityKgM3 { get; init; }

    /// <summary>Since v1.1: who owns the oil (the EU's carve-out for non-Russian oil loaded in Russia needs it).</summary>
    public CargoOwner? Owner { get; init; }
}

public sealed record CargoOwner
{
    public string? Country { get; init; }
}

public sealed record Quantity
{
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
}

public sealed record Price
{
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public string? Unit { get; init; }
    public string? Basis { get; init; }
}

public sealed record AncillaryCost
{
    public string? Type { get; init; }
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public string? Unit { get; init; }
    public string? Description { get; init; }
}

public sealed record ServiceProvider
{
    public string? Role { get; init; }
    public string? Name { get; init; }
    public string? Country { get; init; }
}

public sealed record Exemption
{
    public string? Type { get; init; }
    public string? Reference { get; init; }
}
