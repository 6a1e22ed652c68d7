using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

/// <summary>The unknown-field check of v1.0 compares names as raw UTF-8 unless they hold escape sequences.</summary>
public class JsonReaderEscapedNames
{
    [Fact]
    public void An_Escaped_Known_Name_Is_Known()
    {
        var json = TestDocuments.Crude().ToJsonString()
            .Replace("\"signatory\"", "\"sign\\u0061tory\"", StringComparison.Ordinal)
            .Replace("\"quantity\"", "\"qu\\u0061ntity\"", StringComparison.Ordinal);

        var parsed = Assert.Single(Readers.Json(json));

        Assert.DoesNotContain(parsed.ReadErrors, e => e.Code == ErrorCodes.UnknownField);
    }

    [Fact]
    public void An_Escaped_Unknown_Name_Is_Reported_Decoded()
    {
        var json = TestDocuments.Crude().SetJson("voyage.dischargedate", "\"2026-04-05\"").ToJsonString()
            .Replace("\"dischargedate\"", "\"discharged\\u0061te\"", StringComparison.Ordinal)
            .Replace("\"unit\"", "\"\\u00fcnit\"", StringComparison.Ordinal);

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Contains(parsed.ReadErrors, e => e.Field == "voyage.dischargedate" && e.Code == ErrorCodes.UnknownField);
        Assert.Contains(parsed.ReadErrors, e => e.Field == "cargo.quantity.ünit" && e.Code == ErrorCodes.UnknownField);
    }

    [Fact]
    public void A_Non_Ascii_Name_Is_Unknown()
    {
        var json = TestDocuments.Crude().SetJson("vessel.flägge", "\"LR\"").ToJsonString();

        var parsed = Assert.Single(Readers.Json(json));

        Assert.Contains(parsed.ReadErrors, e => e.Field == "vessel.flägge" && e.Code == ErrorCodes.UnknownField);
    }
}
