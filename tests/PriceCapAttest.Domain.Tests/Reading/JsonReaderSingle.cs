using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Tests.Reading;

public class JsonReaderSingle
{
    [Fact]
    public void Maps_Every_Field_Of_The_Format_Page_Example()
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.CrudeJson));

        Assert.Equal(0, parsed.Index);
        Assert.Empty(parsed.ReadErrors);
        var d = parsed.Document!;
        Assert.Equal("1.0", d.SchemaVersion);
        Assert.Equal("ATT-2026-0042", d.AttestationId);
        Assert.Equal(new Attestor
        {
            Name = "Baltic Energy Trading SA", Tier = 1, Country = "CH", Signatory = "A. Meyer, Head of Compliance",
            SignedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        }, d.Attestor);
        Assert.Equal(new Vessel { Imo = "9074729", Name = "NORDIC STAR", Flag = "LR" }, d.Vessel);
        Assert.Equal(new Voyage
        {
            LoadPort = "RUPRI", LoadingDate = new DateOnly(2026, 3, 2), DischargePort = "INMUN",
            DischargeDate = new DateOnly(2026, 3, 30), StsTransfer = false,
        }, d.Voyage);
        Assert.Equal(new ContractInfo { Reference = "C-2026-017", Date = new DateOnly(2026, 2, 10) }, d.Contract);
        Assert.Equal(new Cargo
        {
            Product = "crude", HsCode = "2709.00", Grade = "Urals", Origin = "RU",
            Quantity = new Quantity { Value = 100000m, Unit = "t" }, ApiGravity = 31.5m,
        }, d.Cargo);
        Assert.Equal(new Price { Value = 42.10m, Currency = "USD", Unit = "bbl", Basis = "FOB" }, d.Price);
        Assert.Equal(
        [
            new AncillaryCost { Type = "freight", Value = 3.10m, Currency = "USD", Unit = "bbl" },
            new AncillaryCost { Type = "insurance", Value = 0.25m, Currency = "USD", Unit = "bbl" },
            new AncillaryCost { Type = "port", Value = 15000m, Currency = "USD", Unit = "lumpsum", Description = "port dues, loading" },
        ], d.AncillaryCosts);
        Assert.Equal(1.08m, Assert.Single(d.FxRatesToUsd, kv => kv.Key == "EUR").Value);
        Assert.Equal(
        [
            new ServiceProvider { Role = "insurer", Name = "North P&I", Country = "GB" },
            new ServiceProvider { Role = "shipowner", Name = "Aegean Tankers", Country = "GR" },
        ], d.ServiceProviders);
        Assert.Equal(new Exemption { Type = "sakhalin2", Reference = "GL 55E" }, d.Exemption);
    }

    [Fact]
    public void Ignores_Unknown_Top_Level_Properties()
    {
        var json = TestDocuments.Crude().SetJson("futureField", "{\"a\":[1,2]}").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("NORDIC STAR", parsed.Document!.Vessel!.Name);
    }

    [Fact]
    public void Reports_Unknown_Fields_Inside_Sections_Of_A_Version10_Document()
    {
        var json = TestDocuments.Crude().SetJson("voyage.dischargedate", "\"2026-04-05\"").SetJson("ancillaryCosts[0].amount", "3").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Contains(parsed.ReadErrors, e => e.Field == "voyage.dischargedate" && e.Code == ErrorCodes.UnknownField && e.Message.Contains("'dischargeDate'", StringComparison.Ordinal));
        Assert.Contains(parsed.ReadErrors, e => e.Field == "ancillaryCosts[0].amount" && e.Code == ErrorCodes.UnknownField);
    }

    [Fact]
    public void Ignores_Unknown_Fields_Inside_Sections_Of_A_Later_Minor_Version()
    {
        var json = TestDocuments.Crude().SetJson("schemaVersion", "\"1.2\"").SetJson("vessel.callSign", "\"ABCD\"")
            .SetJson("cargo.owner", """{ "country": "AE", "name": "Gulf Petroleum FZE" }""").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("NORDIC STAR", parsed.Document!.Vessel!.Name);
        Assert.Equal(new CargoOwner { Country = "AE" }, parsed.Document.Cargo!.Owner);
    }

    [Fact]
    public void Maps_The_Fields_Of_A_Version11_Document()
    {
        var json = TestDocuments.Crude11().ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("1.1", parsed.Document!.SchemaVersion);
        Assert.Equal(new CargoOwner { Country = "AE" }, parsed.Document.Cargo!.Owner);
        Assert.Equal(new Exemption { Type = "general_licence", Reference = "GL 134" }, parsed.Document.Exemption);
    }

    [Fact]
    public void Leaves_The_Owner_Null_When_Absent()
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.Crude11().Without("cargo.owner").ToJsonString()));

        Assert.Empty(parsed.ReadErrors);
        Assert.Null(parsed.Document!.Cargo!.Owner);
    }

    [Fact]
    public void Reports_The_Owner_In_A_Version10_Document_As_A_Field_Of_Version11()
    {
        var json = TestDocuments.Crude().SetJson("cargo.owner", """{ "country": "AE" }""").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        var unknown = Assert.Single(parsed.ReadErrors);
        Assert.Equal(("cargo.owner", ErrorCodes.UnknownField), (unknown.Field, unknown.Code));
        Assert.Contains("cargo.owner needs schemaVersion \"1.1\"", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_Unknown_Fields_Inside_Sections_Of_A_Version11_Document()
    {
        var json = TestDocuments.Crude11().SetJson("cargo.owner.countyr", "\"AE\"").SetJson("voyage.dischargedate", "\"2026-04-05\"").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Equal(
            [("cargo.owner.countyr", ErrorCodes.UnknownField), ("voyage.dischargedate", ErrorCodes.UnknownField)],
            parsed.ReadErrors.Select(e => (e.Field, e.Code)).Order());
        Assert.Contains("attestation v1.1", parsed.Single("cargo.owner.countyr").Message, StringComparison.Ordinal);
        Assert.Contains("'dischargeDate'", parsed.Single("voyage.dischargedate").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_A_Wrong_Type_Of_The_Owner()
    {
        var json = TestDocuments.Crude11().SetJson("cargo.owner", "\"AE\"").SetJson("exemption.reference", "134").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Equal(ErrorCodes.WrongType, parsed.Single("cargo.owner").Code);
        Assert.Equal(ErrorCodes.WrongType, parsed.Single("exemption.reference").Code);
        Assert.Null(parsed.Document!.Cargo!.Owner);
    }

    [Fact]
    public void Treats_Null_As_Absent()
    {
        var json = TestDocuments.Crude().Set("voyage.dischargeDate", (System.Text.Json.Nodes.JsonNode?)null).ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Empty(parsed.ReadErrors);
        Assert.Null(parsed.Document!.Voyage!.DischargeDate);
    }

    [Fact]
    public void Accepts_Instants_With_Offset_And_Fraction()
    {
        var json = TestDocuments.Crude().Set("attestor.signedAt", "2026-03-01T11:00:00.250+02:00").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 9, 0, 0, 250, TimeSpan.Zero), parsed.Document!.Attestor!.SignedAt);
    }
}
