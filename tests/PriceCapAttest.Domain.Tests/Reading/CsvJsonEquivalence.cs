using System.Text.Json.Nodes;

namespace PriceCapAttest.Domain.Tests.Reading;

public class CsvJsonEquivalence
{
    private static readonly string[] VariantNames =
    [
        "format page example",
        "density instead of API gravity",
        "euro price with a rate",
        "no lists",
        "wrong types",
        "offset instant",
        "version 1.1 with owner and general licence",
        "version 1.1 with a misspelt owner field",
        "version 1.0 with owner",
    ];

    public static TheoryData<string> Variants => new(VariantNames);

    private static JsonObject Variant(string name) => name switch
    {
        "density instead of API gravity" => TestDocuments.Crude().Without("cargo.apiGravity").Set("cargo.densityKgM3", 870.5m),
        "euro price with a rate" => TestDocuments.Crude().Set("price.currency", "EUR").Set("price.value", 39.000001m)
            .Set("fxRatesToUsd.GBP", 1.27m).Set("voyage.stsTransfer", true),
        "no lists" => TestDocuments.Crude().Without("ancillaryCosts").Without("serviceProviders").Without("fxRatesToUsd").Without("exemption"),
        "wrong types" => TestDocuments.Crude().Set("price.value", "forty").Set("attestor.tier", "one")
            .Set("voyage.loadingDate", "2026-02-30").Set("attestor.signedAt", "yesterday"),
        "offset instant" => TestDocuments.Crude().Set("attestor.signedAt", "2026-03-01T11:00:00.5+02:00"),
        "version 1.1 with owner and general licence" => TestDocuments.Crude11(),
        "version 1.1 with a misspelt owner field" => TestDocuments.Crude11().Without("cargo.owner.country").Set("cargo.owner.countyr", "AE"),
        "version 1.0 with owner" => TestDocuments.Crude().Set("cargo.owner.country", "AE"),
        _ => TestDocuments.Crude(),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Give_The_Same_Document(string variant)
    {
        var document = Variant(variant);

        var fromJson = Assert.Single(Readers.Json(document.ToJsonString()));
        var fromCsv = Assert.Single(Readers.Csv(TestDocuments.ToCsv(document)));

        Assert.True(TestDocuments.SameContent(fromJson.Document!, fromCsv.Document!),
            $"JSON: {fromJson.Document}\nCSV:  {fromCsv.Document}");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Give_The_Same_Error_Codes_And_Paths(string variant)
    {
        var document = Variant(variant);

        var fromJson = Assert.Single(Readers.Json(document.ToJsonString()));
        var fromCsv = Assert.Single(Readers.Csv(TestDocuments.ToCsv(document)));

        Assert.Equal(fromJson.ReadErrors.Select(e => (e.Field, e.Code)).Order(), fromCsv.ReadErrors.Select(e => (e.Field, e.Code)).Order());
    }

    [Fact]
    public void Give_The_Same_Documents_For_A_Batch_And_A_File_Of_Rows()
    {
        var documents = VariantNames.Select(Variant).ToArray();

        var fromJson = Readers.Json(TestDocuments.Batch(documents));
        var fromCsv = Readers.Csv(TestDocuments.ToCsv(documents));

        Assert.Equal(fromJson.Count, fromCsv.Count);
        Assert.All(fromJson.Zip(fromCsv), pair =>
        {
            Assert.Equal(pair.First.Index, pair.Second.Index);
            Assert.True(TestDocuments.SameContent(pair.First.Document!, pair.Second.Document!));
        });
    }
}
