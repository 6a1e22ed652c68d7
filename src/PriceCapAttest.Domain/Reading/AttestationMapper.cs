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
        SchemaVersion = root.GetString(Names.SchemaVersion),
        AttestationId = root.GetString(Names.AttestationId),
        Attestor = root.TryGetSection(Names.Attestor, out var attestor) ? MapAttestor(attestor) : null,
        Vessel = root.TryGetSection(Names.Vessel, out var vessel) ? MapVessel(vessel) : null,
        Voyage = root.TryGetSection(Names.Voyage, out var voyage) ? MapVoyage(voyage) : null,
        Contract = root.TryGetSection(Names.Contract, out var contract) ? MapContract(contract) : null,
        Cargo = root.TryGetSection(Names.Cargo, out var cargo) ? MapCargo(cargo) : null,
        Price = root.TryGetSection(Names.Price, out var price) ? MapPrice(price) : null,
        AncillaryCosts = root.GetList(Names.AncillaryCosts, MapAncillaryCost, UnreadableCost),
        FxRatesToUsd = root.GetDecimalMap(Names.FxRatesToUsd),
        ServiceProviders = root.GetList(Names.ServiceProviders, MapServiceProvider, UnreadableProvider),
        Exemption = root.TryGetSection(Names.Exemption, out var exemption) ? MapExemption(exemption) : null,
    };

    private static Attestor MapAttestor<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Name = s.GetString(Names.Name),
        Tier = s.GetInteger(Names.Tier),
        Country = s.GetString(Names.Country),
        Signatory = s.GetString(Names.Signatory),
        SignedAt = s.GetInstant(Names.SignedAt),
    };

    private static Vessel MapVessel<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Imo = s.GetString(Names.Imo),
        Name = s.GetString(Names.Name),
        Flag = s.GetString(Names.Flag),
    };

    private static Voyage MapVoyage<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        LoadPort = s.GetString(Names.LoadPort),
        LoadingDate = s.GetDate(Names.LoadingDate),
        DischargePort = s.GetString(Names.DischargePort),
        DischargeDate = s.GetDate(Names.DischargeDate),
        StsTransfer = s.GetBoolean(Names.StsTransfer),
    };

    private static ContractInfo MapContract<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Reference = s.GetString(Names.Reference),
        Date = s.GetDate(Names.Date),
    };

    private static Cargo MapCargo<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Product = s.GetString(Names.Product),
        HsCode = s.GetString(Names.HsCode),
        Grade = s.GetString(Names.Grade),
        Origin = s.GetString(Names.Origin),
        Quantity = s.TryGetSection(Names.Quantity, out var quantity)
            ? new Quantity { Value = quantity.GetDecimal(Names.Value), Unit = quantity.GetString(Names.Unit) }
            : null,
        ApiGravity = s.GetDecimal(Names.ApiGravity),
        DensityKgM3 = s.GetDecimal(Names.DensityKgM3),
        Owner = s.TryGetSection(Names.Owner, out var owner) ? new CargoOwner { Country = owner.GetString(Names.Country) } : null,
    };

    private static Price MapPrice<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Value = s.GetDecimal(Names.Value),
        Currency = s.GetString(Names.Currency),
        Unit = s.GetString(Names.Unit),
        Basis = s.GetString(Names.Basis),
    };

    private static AncillaryCost MapAncillaryCost<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Type = s.GetString(Names.Type),
        Value = s.GetDecimal(Names.Value),
        Currency = s.GetString(Names.Currency),
        Unit = s.GetString(Names.Unit),
        Description = s.GetString(Names.Description),
    };

    private static ServiceProvider MapServiceProvider<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Role = s.GetString(Names.Role),
        Name = s.GetString(Names.Name),
        Country = s.GetString(Names.Country),
    };

    private static Exemption MapExemption<TSource>(TSource s)
        where TSource : struct, IFieldSource<TSource> => new()
    {
        Type = s.GetString(Names.Type),
        Reference = s.GetString(Names.Reference),
    };

    /// <summary>The field names of attestation v1, each encoded once.</summary>
    private static class Names
    {
        public static readonly FieldName AncillaryCosts = new("ancillaryCosts");
        public static readonly FieldName ApiGravity = new("apiGravity");
        public static readonly FieldName AttestationId = new("attestationId");
        public static readonly FieldName Attestor = new("attestor");
        public static readonly FieldName Basis = new("basis");
        public static readonly FieldName Cargo = new("cargo");
        public static readonly FieldName Contract = new("contract");
        public static readonly FieldName Country = new("country");
        public static readonly FieldName Currency = new("currency");
        public static readonly FieldName Date = new("date");
        public static readonly FieldName DensityKgM3 = new("densityKgM3");
        public static readonly FieldName Description = new("description");
        public static readonly FieldName DischargeDate = new("dischargeDate");
        public static readonly FieldName DischargePort = new("dischargePort");
        public static readonly FieldName Exemption = new("exemption");
        public static readonly FieldName Flag = new("flag");
        public static readonly FieldName FxRatesToUsd = new("fxRatesToUsd");
        public static readonly FieldName Grade = new("grade");
        public static readonly FieldName HsCode = new("hsCode");
        public static readonly FieldName Imo = new("imo");
        public static readonly FieldName LoadPort = new("loadPort");
        public static readonly FieldName LoadingDate = new("loadingDate");
        public static readonly FieldName Name = new("name");
        public static readonly FieldName Origin = new("origin");
        public static readonly FieldName Owner = new("owner");
        public static readonly FieldName Price = new("price");
        public static readonly FieldName Product = new("product");
        public static readonly FieldName Quantity = new("quantity");
        public static readonly FieldName Reference = new("reference");
        public static readonly FieldName Role = new("role");
        public static readonly FieldName SchemaVersion = new("schemaVersion");
        public static readonly FieldName ServiceProviders = new("serviceProviders");
        public static readonly FieldName Signatory = new("signatory");
        public static readonly FieldName SignedAt = new("signedAt");
        public static readonly FieldName StsTransfer = new("stsTransfer");
        public static readonly FieldName Tier = new("tier");
        public static readonly FieldName Type = new("type");
        public static readonly FieldName Unit = new("unit");
        public static readonly FieldName Value = new("value");
        public static readonly FieldName Vessel = new("vessel");
        public static readonly FieldName Voyage = new("voyage");
    }
}
