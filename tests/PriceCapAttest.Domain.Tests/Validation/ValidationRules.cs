using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Validation;

/// <summary>
/// Each rule of the format page's field table, both sides: a value set at a JSON path (raw JSON, or "-" to remove
/// the field) gives exactly the one expected error, or none. Checked through the JSON and the CSV reader.
/// </summary>
public class ValidationRules
{
    public static TheoryData<string, string, string> Rejected => new()
    {
        { "schemaVersion", "-", ErrorCodes.Required },
        { "schemaVersion", "\"2.0\"", ErrorCodes.UnsupportedSchemaVersion },
        { "schemaVersion", "\"1\"", ErrorCodes.UnsupportedSchemaVersion },
        { "schemaVersion", "\"1.0-beta\"", ErrorCodes.UnsupportedSchemaVersion },
        { "attestationId", "-", ErrorCodes.Required },
        { "attestationId", "\"ATT 42\"", ErrorCodes.InvalidFormat },
        { "attestationId", "\"ATT/42\"", ErrorCodes.InvalidFormat },
        { "attestationId", "\"ATT-42\\n\"", ErrorCodes.InvalidFormat },
        { "attestationId", $"\"{new string('A', 65)}\"", ErrorCodes.TooLong },
        { "attestor", "-", ErrorCodes.Required },
        { "attestor.name", "-", ErrorCodes.Required },
        { "attestor.name", "\"   \"", ErrorCodes.Required },
        { "attestor.name", $"\"{new string('n', 201)}\"", ErrorCodes.TooLong },
        { "attestor.signatory", "-", ErrorCodes.Required },
        { "attestor.signatory", $"\"{new string('s', 201)}\"", ErrorCodes.TooLong },
        { "attestor.tier", "-", ErrorCodes.Required },
        { "attestor.tier", "0", ErrorCodes.OutOfRange },
        { "attestor.tier", "4", ErrorCodes.OutOfRange },
        { "attestor.country", "-", ErrorCodes.Required },
        { "attestor.country", "\"ch\"", ErrorCodes.InvalidFormat },
        { "attestor.country", "\"CHE\"", ErrorCodes.InvalidFormat },
        { "attestor.country", "\"XK\"", ErrorCodes.UnknownValue },
        { "attestor.country", "\"EU\"", ErrorCodes.UnknownValue },
        { "attestor.signedAt", "-", ErrorCodes.Required },
        { "attestor.signedAt", "\"2026-04-01T12:06:00Z\"", ErrorCodes.InFuture },
        { "attestor.signedAt", "\"2027-01-01T00:00:00+01:00\"", ErrorCodes.InFuture },
        { "vessel", "-", ErrorCodes.Required },
        { "vessel.imo", "-", ErrorCodes.Required },
        { "vessel.imo", "\"9074728\"", ErrorCodes.InvalidCheckDigit },
        { "vessel.imo", "\"IMO 9074728\"", ErrorCodes.InvalidCheckDigit },
        { "vessel.imo", "\"907472\"", ErrorCodes.InvalidFormat },
        { "vessel.imo", "\"=HYPERLINK(\\\"x\\\",\\\"9074729\\\")\"", ErrorCodes.InvalidFormat },
        { "vessel.name", "\"\"", ErrorCodes.Required },
        { "vessel.name", $"\"{new string('v', 201)}\"", ErrorCodes.TooLong },
        { "vessel.flag", "-", ErrorCodes.Required },
        { "vessel.flag", "\"Liberia\"", ErrorCodes.InvalidFormat },
        { "vessel.flag", "\"ZZ\"", ErrorCodes.UnknownValue },
        { "voyage", "-", ErrorCodes.Required },
        { "voyage.loadPort", "-", ErrorCodes.Required },
        { "voyage.loadPort", "\"RU PRI\"", ErrorCodes.InvalidFormat },
        { "voyage.loadPort", "\"RUPR1\"", ErrorCodes.InvalidFormat },
        { "voyage.loadPort", "\"rupri\"", ErrorCodes.InvalidFormat },
        { "voyage.loadPort", "\"QQPRI\"", ErrorCodes.UnknownValue },
        { "voyage.dischargePort", "\"INMUN1\"", ErrorCodes.InvalidFormat },
        { "voyage.loadingDate", "-", ErrorCodes.Required },
        { "voyage.dischargeDate", "\"2026-03-01\"", ErrorCodes.DateOrder },
        { "contract", "-", ErrorCodes.Required },
        { "contract.reference", "-", ErrorCodes.Required },
        { "contract.date", "-", ErrorCodes.Required },
        { "contract.date", "\"2026-03-03\"", ErrorCodes.DateOrder },
        { "cargo", "-", ErrorCodes.Required },
        { "cargo.product", "-", ErrorCodes.Required },
        { "cargo.product", "\"Crude\"", ErrorCodes.UnknownValue },
        { "cargo.product", "\"condensate\"", ErrorCodes.UnknownValue },
        { "cargo.hsCode", "-", ErrorCodes.Required },
        { "cargo.hsCode", "\"270\"", ErrorCodes.InvalidFormat },
        { "cargo.hsCode", "\"2709.00.10.10.1\"", ErrorCodes.InvalidFormat },
        { "cargo.hsCode", "\"2709-00\"", ErrorCodes.InvalidFormat },
        { "cargo.hsCode", "\"2710.19\"", ErrorCodes.HsCodeMismatch },
        { "cargo.origin", "-", ErrorCodes.Required },
        { "cargo.origin", "\"Russia\"", ErrorCodes.InvalidFormat },
        { "cargo.quantity", "-", ErrorCodes.Required },
        { "cargo.quantity.value", "-", ErrorCodes.Required },
        { "cargo.quantity.value", "0", ErrorCodes.OutOfRange },
        { "cargo.quantity.value", "-5", ErrorCodes.OutOfRange },
        { "cargo.quantity.unit", "-", ErrorCodes.Required },
        { "cargo.quantity.unit", "\"kg\"", ErrorCodes.UnknownValue },
        { "cargo.apiGravity", "-10", ErrorCodes.OutOfRange },
        { "cargo.apiGravity", "100", ErrorCodes.OutOfRange },
        { "cargo.densityKgM3", "870", ErrorCodes.ConflictingFields },
        { "price", "-", ErrorCodes.Required },
        { "price.value", "-", ErrorCodes.Required },
        { "price.value", "0", ErrorCodes.OutOfRange },
        { "price.currency", "-", ErrorCodes.Required },
        { "price.currency", "\"usd\"", ErrorCodes.InvalidFormat },
        { "price.currency", "\"US$\"", ErrorCodes.InvalidFormat },
        { "price.currency", "\"ABC\"", ErrorCodes.UnknownValue },
        { "price.unit", "\"gal\"", ErrorCodes.UnknownValue },
        { "price.unit", "\"lumpsum\"", ErrorCodes.UnknownValue },
        { "price.basis", "-", ErrorCodes.Required },
        { "price.basis", "\"FAS\"", ErrorCodes.UnknownValue },
        { "price.basis", "\"fob\"", ErrorCodes.UnknownValue },
        { "ancillaryCosts[0].type", "-", ErrorCodes.Required },
        { "ancillaryCosts[0].type", "\"demurrage\"", ErrorCodes.UnknownValue },
        { "ancillaryCosts[1].value", "-", ErrorCodes.Required },
        { "ancillaryCosts[1].value", "-0.01", ErrorCodes.OutOfRange },
        { "ancillaryCosts[2].currency", "-", ErrorCodes.Required },
        { "ancillaryCosts[2].currency", "\"XXX\"", ErrorCodes.UnknownValue },
        { "ancillaryCosts[1].unit", "\"gallon\"", ErrorCodes.UnknownValue },
        { "fxRatesToUsd.EUR", "0", ErrorCodes.OutOfRange },
        { "fxRatesToUsd.EUR", "-1.08", ErrorCodes.OutOfRange },
        { "fxRatesToUsd.eur", "1.08", ErrorCodes.UnknownValue },
        { "serviceProviders[0].role", "-", ErrorCodes.Required },
        { "serviceProviders[0].role", "\"lawyer\"", ErrorCodes.UnknownValue },
        { "serviceProviders[1].name", "-", ErrorCodes.Required },
        { "serviceProviders[1].name", $"\"{new string('p', 201)}\"", ErrorCodes.TooLong },
        { "serviceProviders[1].country", "-", ErrorCodes.Required },
        { "serviceProviders[1].country", "\"UK\"", ErrorCodes.UnknownValue },
        { "exemption.type", "-", ErrorCodes.Required },
        { "exemption.type", "\"arctic\"", ErrorCodes.UnknownValue },
        { "exemption.type", "\"general_licence\"", ErrorCodes.UnknownValue },
        { "cargo.owner", "{ \"country\": \"AE\" }", ErrorCodes.UnknownField },
    };

    /// <summary>The fields of v1.1, in the valid v1.1 document (owner AE, general licence GL 134).</summary>
    public static TheoryData<string, string, string> RejectedInVersion11 => new()
    {
        { "cargo.owner.country", "\"ae\"", ErrorCodes.InvalidFormat },
        { "cargo.owner.country", "\"ARE\"", ErrorCodes.InvalidFormat },
        { "cargo.owner.country", "\"XK\"", ErrorCodes.UnknownValue },
        { "cargo.owner.country", "\"   \"", ErrorCodes.Required },
        { "cargo.owner.countyr", "\"AE\"", ErrorCodes.UnknownField },
        { "exemption.reference", "-", ErrorCodes.Required },
        { "exemption.reference", "\"  \"", ErrorCodes.Required },
        { "exemption.type", "\"general_license\"", ErrorCodes.UnknownValue },
    };

    public static TheoryData<string, string> AcceptedInVersion11 => new()
    {
        { "cargo.owner", "-" },
        { "cargo.owner.country", "\"RU\"" },
        { "exemption", "-" },
        { "exemption.type", "\"sakhalin2\"" },
        { "schemaVersion", "\"1.2\"" },
        { "cargo.owner", "null" },
    };

    public static TheoryData<string, string> Accepted => new()
    {
        { "schemaVersion", "\"1.3\"" },
        { "attestationId", "\"a.B_c-9\"" },
        { "attestationId", $"\"{new string('A', 64)}\"" },
        { "attestor.name", $"\"{new string('n', 200)}\"" },
        { "attestor.tier", "3" },
        { "attestor.signedAt", "\"2026-04-01T12:04:00Z\"" },
        { "attestor.signedAt", "\"2026-04-01T14:00:00+02:00\"" },
        { "vessel.imo", "\"IMO 9074729\"" },
        { "vessel.flag", "\"MH\"" },
        { "voyage.loadPort", "\"XZ2A9\"" },
        { "voyage.dischargePort", "-" },
        { "voyage.dischargeDate", "\"2026-03-02\"" },
        { "voyage.dischargeDate", "-" },
        { "voyage.stsTransfer", "-" },
        { "contract.date", "\"2026-03-02\"" },
        { "cargo.hsCode", "\"2709 00 10\"" },
        { "cargo.hsCode", "\"2709\"" },
        { "cargo.grade", "-" },
        { "cargo.apiGravity", "-9.99" },
        { "cargo.apiGravity", "99.99" },
        { "cargo.apiGravity", "-" },
        { "cargo.quantity.unit", "\"m3\"" },
        { "price.unit", "\"t\"" },
        { "price.basis", "\"DES\"" },
        { "ancillaryCosts[1].value", "0" },
        { "ancillaryCosts", "-" },
        { "fxRatesToUsd", "-" },
        { "serviceProviders", "[]" },
        { "exemption", "-" },
        { "exemption.reference", "-" },
    };

    private static System.Text.Json.Nodes.JsonObject Apply(string path, string json) => Apply(TestDocuments.Crude(), path, json);

    private static System.Text.Json.Nodes.JsonObject Apply(System.Text.Json.Nodes.JsonObject document, string path, string json) =>
        json == "-" ? document.Without(path) : document.SetJson(path, json);

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Rejects_With_One_Error_At_The_Path(string path, string json, string code)
    {
        var document = Apply(path, json);

        var error = Assert.Single(Validate.Json(document));
        Assert.Equal((path, code), (error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal([(path, code)], Validate.Csv(document).Select(e => (e.Field, e.Code)));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Accepts_A_Valid_Document(string path, string json)
    {
        var document = Apply(path, json);

        Assert.Empty(Validate.Json(document));
        Assert.Empty(Validate.Csv(document));
    }

    [Theory]
    [MemberData(nameof(RejectedInVersion11))]
    public void Rejects_A_Version11_Document_With_One_Error_At_The_Path(string path, string json, string code)
    {
        var document = Apply(TestDocuments.Crude11(), path, json);

        var error = Assert.Single(Validate.Json(document));
        Assert.Equal((path, code), (error.Field, error.Code));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        Assert.Equal([(path, code)], Validate.Csv(document).Select(e => (e.Field, e.Code)));
    }

    [Theory]
    [MemberData(nameof(AcceptedInVersion11))]
    public void Accepts_A_Version11_Document(string path, string json)
    {
        var document = Apply(TestDocuments.Crude11(), path, json);

        Assert.Empty(Validate.Json(document));
        Assert.Empty(Validate.Csv(document));
    }

    [Fact]
    public void Requires_The_Country_Of_An_Owner_Given_Without_One()
    {
        var document = TestDocuments.Crude11().SetJson("cargo.owner", "{}");

        var error = Assert.Single(Validate.Json(document));
        Assert.Equal(("cargo.owner.country", ErrorCodes.Required), (error.Field, error.Code));
    }

    [Fact]
    public void Names_The_Version_A_General_Licence_Needs()
    {
        var error = Assert.Single(Validate.Json(TestDocuments.Crude().Set("exemption.type", "general_licence")));

        Assert.Equal(("exemption.type", ErrorCodes.UnknownValue), (error.Field, error.Code));
        Assert.Contains("needs schemaVersion \"1.1\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Asks_For_The_Licence_Id_Of_A_General_Licence_Claim()
    {
        var error = Assert.Single(Validate.Json(TestDocuments.Crude11().Without("exemption.reference")));

        Assert.Equal(("exemption.reference", ErrorCodes.Required), (error.Field, error.Code));
        Assert.Contains("general_licence", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_An_Owner_Of_A_Version10_Document_Once_Though_Its_Country_Is_Invalid()
    {
        var error = Assert.Single(Validate.Json(TestDocuments.Crude().Set("cargo.owner.country", "ae")));

        Assert.Equal(("cargo.owner", ErrorCodes.UnknownField), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("600")]
    [InlineData("1200")]
    public void Rejects_Density_Outside_Its_Range(string density)
    {
        var document = TestDocuments.Crude().Without("cargo.apiGravity").SetJson("cargo.densityKgM3", density);

        var error = Assert.Single(Validate.Json(document));
        Assert.Equal(("cargo.densityKgM3", ErrorCodes.OutOfRange), (error.Field, error.Code));
    }

    [Fact]
    public void Accepts_Density_Alone()
    {
        var document = TestDocuments.Crude().Without("cargo.apiGravity").Set("cargo.densityKgM3", 870.2m);

        Assert.Empty(Validate.Json(document));
    }

    [Theory]
    [InlineData("lpg", "2711.12")]
    [InlineData("lng", "2711 11 00")]
    [InlineData("bitumen", "2713.20")]
    [InlineData("bitumen", "2715.00")]
    [InlineData("diesel", "2710.19.43")]
    [InlineData("naphtha", "2710.12")]
    public void Accepts_The_Hs_Heading_Of_Each_Product(string product, string hsCode)
    {
        var document = TestDocuments.Crude().Set("cargo.product", product).Set("cargo.hsCode", hsCode);

        Assert.Empty(Validate.Json(document));
    }

    [Fact]
    public void Requires_A_Rate_For_Each_Non_Usd_Currency_Used()
    {
        var document = TestDocuments.Crude().Set("price.currency", "GBP").Set("ancillaryCosts[0].currency", "NOK")
            .Set("ancillaryCosts[1].currency", "GBP");

        var errors = Validate.Json(document);

        Assert.Equal(
            [("fxRatesToUsd.GBP", ErrorCodes.MissingFxRate), ("fxRatesToUsd.NOK", ErrorCodes.MissingFxRate)],
            errors.Select(e => (e.Field, e.Code)).Order());
    }

    [Fact]
    public void Accepts_Non_Usd_Amounts_With_Their_Rates()
    {
        var document = TestDocuments.Crude().Set("price.currency", "EUR").Set("ancillaryCosts[2].currency", "EUR");

        Assert.Empty(Validate.Json(document));
    }

    [Fact]
    public void Asks_No_Rate_For_An_Invalid_Currency()
    {
        var errors = Validate.Json(TestDocuments.Crude().Set("price.currency", "EURO"));

        Assert.Equal(("price.currency", ErrorCodes.InvalidFormat), (Assert.Single(errors).Field, errors[0].Code));
    }
}
