using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Validation;

public class AcceptancePoints
{
    [Fact]
    public void The_Format_Page_Example_Is_Valid()
    {
        Assert.Empty(Validate.Json(TestDocuments.Crude()));
        Assert.Empty(Validate.Csv(TestDocuments.Crude()));
    }

    [Fact]
    public void Bad_Imo_Check_Digit_Is_Reported_At_Vessel_Imo()
    {
        var errors = Validate.Json(TestDocuments.Crude().Set("vessel.imo", "9074728"));

        var error = Assert.Single(errors);
        Assert.Equal(("vessel.imo", ErrorCodes.InvalidCheckDigit), (error.Field, error.Code));
        Assert.Contains("check digit should be 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Document_With_Five_Faults_Reports_All_Five()
    {
        var document = TestDocuments.Crude()
            .Set("vessel.imo", "9074728")
            .Set("attestor.tier", 4)
            .Set("cargo.hsCode", "2710.19")
            .Set("price.currency", "EUR")
            .Set("ancillaryCosts[1].unit", "gallon")
            .Without("fxRatesToUsd");

        var errors = Validate.Json(document).Select(e => (e.Field, e.Code)).Order().ToList();

        Assert.Equal(
        [
            ("ancillaryCosts[1].unit", ErrorCodes.UnknownValue),
            ("attestor.tier", ErrorCodes.OutOfRange),
            ("cargo.hsCode", ErrorCodes.HsCodeMismatch),
            ("fxRatesToUsd.EUR", ErrorCodes.MissingFxRate),
            ("vessel.imo", ErrorCodes.InvalidCheckDigit),
        ], errors);
        Assert.Equal(errors, Validate.Csv(document).Select(e => (e.Field, e.Code)).Order().ToList());
    }

    [Fact]
    public void An_Empty_Object_Reports_Every_Required_Section()
    {
        var errors = Validate.Json([]);

        Assert.All(errors, e => Assert.Equal(ErrorCodes.Required, e.Code));
        Assert.Equal(
            ["attestationId", "attestor", "cargo", "contract", "price", "schemaVersion", "vessel", "voyage"],
            errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }
}
