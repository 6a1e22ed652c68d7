using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Reading;

/// <summary>Maps the fields of attestation document v1 from any <see cref="IFieldSource{TSelf}"/>.</summary>
internal static class AttestationMapper
{
    private static readonly AncillaryCost UnreadableCost = new();
    private static readonly ServiceProvider UnreadableProvider = new();

    public static AttestationDocument Map<TSource>(TSource root)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        SchemaVersion = root.GetString("schemaVersion"),
        AttestationId = root.GetString("attestationId"),
        Attestor = root.TryGetSection("attestor", out var attestor) ? MapAttestor(attestor) : null,
        Vessel = root.TryGetSection("vessel", out var vessel) ? MapVessel(vessel) : null,
        Voyage = root.TryGetSection("voyage", out var voyage) ? MapVoyage(voyage) : null,
        Contract = root.TryGetSection("contract", out var contract) ? MapContract(contract) : null,
        Cargo = root.TryGetSection("cargo", out var cargo) ? MapCargo(cargo) : null,
        Price = root.TryGetSection("price", out var price) ? MapPrice(price) : null,
        AncillaryCosts = root.GetList("ancillaryCosts", MapAncillaryCost, UnreadableCost),
        FxRatesToUsd = root.GetDecimalMap("fxRatesToUsd"),
        ServiceProviders = root.GetList("serviceProviders", MapServiceProvider, UnreadableProvider),
        Exemption = root.TryGetSection("exemption", out var exemption) ? MapExemption(exemption) : null,
    };

    private static Attestor MapAttestor<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Name = s.GetString("name"),
        Tier = s.GetInteger("tier"),
        Country = s.GetString("country"),
        Signatory = s.GetString("signatory"),
        SignedAt = s.GetInstant("signedAt"),
    };

    private static Vessel MapVessel<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Imo = s.GetString("imo"),
        Name = s.GetString("name"),
        Flag = s.GetString("flag"),
    };

    private static Voyage MapVoyage<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        LoadPort = s.GetString("loadPort"),
        LoadingDate = s.GetDate("loadingDate"),
        DischargePort = s.GetString("dischargePort"),
        DischargeDate = s.GetDate("dischargeDate"),
        StsTransfer = s.GetBoolean("stsTransfer"),
    };

    private static ContractInfo MapContract<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Reference = s.GetString("reference"),
        Date = s.GetDate("date"),
    };

    private static Cargo MapCargo<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Product = s.GetString("product"),
        HsCode = s.GetString("hsCode"),
        Grade = s.GetString("grade"),
        Origin = s.GetString("origin"),
        Quantity = s.TryGetSection("quantity", out var quantity)
            ? new Quantity { Value = quantity.GetDecimal("value"), Unit = quantity.GetString("unit") }
            : null,
        ApiGravity = s.GetDecimal("apiGravity"),
        DensityKgM3 = s.GetDecimal("densityKgM3"),
    };

    private static Price MapPrice<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Value = s.GetDecimal("value"),
        Currency = s.GetString("currency"),
        Unit = s.GetString("unit"),
        Basis = s.GetString("basis"),
    };

    private static AncillaryCost MapAncillaryCost<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Type = s.GetString("type"),
        Value = s.GetDecimal("value"),
        Currency = s.GetString("currency"),
        Unit = s.GetString("unit"),
        Description = s.GetString("description"),
    };

    private static ServiceProvider MapServiceProvider<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Role = s.GetString("role"),
        Name = s.GetString("name"),
        Country = s.GetString("country"),
    };

    private static Exemption MapExemption<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Type = s.GetString("type"),
        Reference = s.GetString("reference"),
    };
}
