using System.Globalization;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Tests.Reading;
using PriceCapAttest.Domain.Validation;

namespace PriceCapAttest.Domain.Tests.Validation;

public class DocumentValidatorMerge
{
    [Fact]
    public void Reports_A_Read_Error_Without_Required_At_The_Same_Path()
    {
        var errors = Validate.Json(TestDocuments.Crude().Set("price.value", "42.10"));

        var error = Assert.Single(errors);
        Assert.Equal(("price.value", ErrorCodes.WrongType), (error.Field, error.Code));
    }

    [Fact]
    public void Reports_An_Unreadable_Section_Once()
    {
        var errors = Validate.Json(TestDocuments.Crude().Set("attestor", "Baltic"));

        Assert.Equal([("attestor", ErrorCodes.WrongType)], errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Reports_An_Unreadable_List_Entry_Once()
    {
        var errors = Validate.Json(TestDocuments.Crude().SetJson("ancillaryCosts[1]", "42"));

        Assert.Equal([("ancillaryCosts[1]", ErrorCodes.WrongType)], errors.Select(e => (e.Field, e.Code)));
    }

    [Fact]
    public void Keeps_Read_Errors_And_Validator_Errors_Together()
    {
        var errors = Validate.Json(TestDocuments.Crude().Set("voyage.loadingDate", "2 March").Set("vessel.flag", "XX"));

        Assert.Equal(
            [("vessel.flag", ErrorCodes.UnknownValue), ("voyage.loadingDate", ErrorCodes.InvalidFormat)],
            errors.Select(e => (e.Field, e.Code)).Order());
    }

    [Fact]
    public void Returns_The_File_Errors_Of_An_Unreadable_File()
    {
        var parsed = ParsedAttestation.Unreadable(new ValidationIssue("$", ErrorCodes.InvalidJson, "bad"));

        Assert.Equal(parsed.ReadErrors, Validate.Parsed(parsed));
    }

    [Fact]
    public void Reports_A_Documentless_Result_Without_Errors()
    {
        var errors = Validate.Parsed(new ParsedAttestation(3, null, []));

        Assert.Equal(ErrorCodes.Unreadable, Assert.Single(errors).Code);
    }

    [Fact]
    public void Writes_Messages_That_Do_Not_Depend_On_The_Culture()
    {
        var document = TestDocuments.Crude().Set("attestor.tier", 7).Set("cargo.apiGravity", 150.5m).Set("vessel.imo", "9074728");
        var original = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("de-DE");
            var german = Validate.Json(document);
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr-FR");
            var french = Validate.Json(document);

            Assert.Equal(german, french);
            Assert.Contains(german, e => e.Message == "attestor.tier must be 1, 2 or 3.");
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = original;
        }
    }

    [Fact]
    public void Is_Safe_To_Share_Between_Threads()
    {
        var validator = new DocumentValidator(TestDocuments.Clock());
        var good = new ParsedAttestation(0, Readers.Json(TestDocuments.CrudeJson)[0].Document, []);
        var bad = new ParsedAttestation(1, good.Document! with { Vessel = new Vessel { Imo = "9074728", Name = "X", Flag = "LR" } }, []);

        var counts = Enumerable.Range(0, 2_000).AsParallel()
            .Select(i => validator.Validate(i % 2 == 0 ? good : bad).Count)
            .ToList();

        Assert.All(counts.Where((_, i) => i % 2 == 0), c => Assert.Equal(0, c));
        Assert.All(counts.Where((_, i) => i % 2 == 1), c => Assert.Equal(1, c));
    }
}
