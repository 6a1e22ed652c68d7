using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class JsonReaderWrongTypes
{
    [Theory]
    [InlineData("schemaVersion", "1.0")]
    [InlineData("attestationId", "42")]
    [InlineData("attestor", "\"Baltic\"")]
    [InlineData("attestor.tier", "\"1\"")]
    [InlineData("attestor.tier", "1.5")]
    [InlineData("attestor.signedAt", "20260301")]
    [InlineData("vessel.imo", "9074729")]
    [InlineData("voyage.loadingDate", "true")]
    [InlineData("voyage.stsTransfer", "\"false\"")]
    [InlineData("voyage.stsTransfer", "0")]
    [InlineData("cargo.quantity", "100000")]
    [InlineData("cargo.quantity.value", "\"100000\"")]
    [InlineData("cargo.apiGravity", "\"NaN\"")]
    [InlineData("price.value", "\"Infinity\"")]
    [InlineData("price.currency", "[\"USD\"]")]
    [InlineData("ancillaryCosts", "{}")]
    [InlineData("ancillaryCosts[1]", "\"insurance\"")]
    [InlineData("ancillaryCosts[1].unit", "1")]
    [InlineData("fxRatesToUsd", "[1.08]")]
    [InlineData("fxRatesToUsd.EUR", "\"1.08\"")]
    [InlineData("serviceProviders[0].country", "{}")]
    [InlineData("exemption", "\"sakhalin2\"")]
    public void Reports_Wrong_Type_At_The_Path(string path, string json)
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.Crude().SetJson(path, json).ToJsonString()));

        var error = Assert.Single(parsed.ReadErrors);
        Assert.Equal(path, error.Field);
        Assert.Equal(ErrorCodes.WrongType, error.Code);
        Assert.StartsWith("Expected ", error.Message, StringComparison.Ordinal);
        Assert.NotNull(parsed.Document);
    }

    [Fact]
    public void Leaves_The_Field_Null()
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.Crude().Set("price.value", "42.10").ToJsonString()));

        Assert.Null(parsed.Document!.Price!.Value);
        Assert.Equal("USD", parsed.Document.Price.Currency);
    }

    [Fact]
    public void Keeps_List_Positions_When_An_Entry_Is_Not_An_Object()
    {
        var json = TestDocuments.Crude().SetJson("ancillaryCosts[0]", "null").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Equal(3, parsed.Document!.AncillaryCosts.Count);
        Assert.Equal("insurance", parsed.Document.AncillaryCosts[1].Type);
        Assert.Equal("ancillaryCosts[0]", Assert.Single(parsed.ReadErrors).Field);
    }

    [Theory]
    [InlineData("voyage.loadingDate", "\"02/03/2026\"")]
    [InlineData("voyage.loadingDate", "\"2026-3-2\"")]
    [InlineData("voyage.loadingDate", "\"2026-02-30\"")]
    [InlineData("contract.date", "\"2026-02-10T00:00:00Z\"")]
    [InlineData("attestor.signedAt", "\"2026-03-01T09:00:00\"")]
    [InlineData("attestor.signedAt", "\"2026-03-01\"")]
    [InlineData("attestor.signedAt", "\"01.03.2026 09:00 +01:00\"")]
    public void Reports_Invalid_Format_For_Dates_And_Instants(string path, string json)
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.Crude().SetJson(path, json).ToJsonString()));

        var error = Assert.Single(parsed.ReadErrors);
        Assert.Equal((path, ErrorCodes.InvalidFormat), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("price.value", "1e400")]
    [InlineData("cargo.quantity.value", "79228162514264337593543950336")]
    [InlineData("attestor.tier", "99999999999")]
    [InlineData("fxRatesToUsd.EUR", "-1e99")]
    public void Reports_Numbers_Beyond_Range_As_Out_Of_Range(string path, string json)
    {
        var parsed = Assert.Single(Readers.Json(TestDocuments.Crude().SetJson(path, json).ToJsonString()));

        var error = Assert.Single(parsed.ReadErrors);
        Assert.Equal((path, ErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Fact]
    public void Reports_A_Lone_Surrogate_Escape()
    {
        var json = TestDocuments.CrudeJson.Replace("\"NORDIC STAR\"", "\"NORDIC \\uD800STAR\"", StringComparison.Ordinal);

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Equal(ErrorCodes.InvalidFormat, parsed.Single("vessel.name").Code);
    }
}
