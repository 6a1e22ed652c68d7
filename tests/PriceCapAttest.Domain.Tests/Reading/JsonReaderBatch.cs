using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class JsonReaderBatch
{
    [Fact]
    public void Reads_Each_Attestation_With_Its_Position()
    {
        var second = TestDocuments.Crude().Set("attestationId", "ATT-2");
        var parsed = Readers.Json(TestDocuments.Batch(TestDocuments.Crude(), second));

        Assert.Equal([0, 1], parsed.Select(p => p.Index));
        Assert.Equal(["ATT-2026-0042", "ATT-2"], parsed.Select(p => p.Document!.AttestationId));
    }

    [Fact]
    public void Reports_An_Entry_That_Is_Not_An_Object_And_Reads_The_Others()
    {
        var parsed = Readers.Json(TestDocuments.Batch(TestDocuments.Crude(), System.Text.Json.Nodes.JsonValue.Create(42), TestDocuments.Crude()));

        Assert.Equal(3, parsed.Count);
        Assert.Null(parsed[1].Document);
        var error = parsed[1].Single("attestations[1]");
        Assert.Equal(ErrorCodes.WrongType, error.Code);
        Assert.NotNull(parsed[2].Document);
        Assert.Empty(parsed[2].ReadErrors);
    }

    [Fact]
    public void Reports_Type_Errors_Per_Attestation()
    {
        var bad = TestDocuments.Crude().Set("price.value", "42.10");
        var parsed = Readers.Json(TestDocuments.Batch(TestDocuments.Crude(), bad));

        Assert.Empty(parsed[0].ReadErrors);
        Assert.Equal(ErrorCodes.WrongType, parsed[1].Single("price.value").Code);
    }

    [Fact]
    public void Rejects_An_Empty_Batch()
    {
        var parsed = Assert.Single(Readers.Json("""{ "attestations": [] }"""));

        Assert.Null(parsed.Document);
        Assert.Equal(ErrorCodes.NotAnAttestation, Assert.Single(parsed.ReadErrors).Code);
    }

    [Fact]
    public void Rejects_Attestations_That_Are_Not_An_Array()
    {
        var parsed = Assert.Single(Readers.Json("""{ "attestations": {} }"""));

        Assert.Equal(ErrorCodes.WrongType, parsed.Single("attestations").Code);
    }

    [Fact]
    public void Rejects_More_Attestations_Than_The_Limit()
    {
        var json = TestDocuments.Batch(TestDocuments.Crude(), TestDocuments.Crude(), TestDocuments.Crude());

        var parsed = Assert.Single(Readers.Json(json, ReaderLimits.Default with { MaxAttestationsPerFile = 2 }));

        Assert.Equal(ErrorCodes.TooManyAttestations, Assert.Single(parsed.ReadErrors).Code);
    }
}
