using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class JsonReaderBatch
{
    [Fact]
    public void ReadsEachAttestationWithItsPosition()
    {
        var second = TestDocuments.Crude().Set("attestationId", "ATT-2");
        var parsed = Readers.Json(TestDocuments.Batch(TestDocuments.Crude(), second));

        Assert.Equal([0, 1], parsed.Select(p => p.Index));
        Assert.Equal(["ATT-2026-0042", "ATT-2"], parsed.Select(p => p.Document!.AttestationId));
    }

    [Fact]
    public void ReportsAnEntryThatIsNotAnObjectAndReadsTheOthers()
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
    public void ReportsTypeErrorsPerAttestation()
    {
        var bad = TestDocuments.Crude().Set("price.value", "42.10");
        var parsed = Readers.Json(TestDocuments.Batch(TestDocuments.Crude(), bad));

        Assert.Empty(parsed[0].ReadErrors);
        Assert.Equal(ErrorCodes.WrongType, parsed[1].Single("price.value").Code);
    }

    [Fact]
    public void RejectsAnEmptyBatch()
    {
        var parsed = Assert.Single(Readers.Json("""{ "attestations": [] }"""));

        Assert.Null(parsed.Document);
        Assert.Equal(ErrorCodes.NotAnAttestation, Assert.Single(parsed.ReadErrors).Code);
    }

    [Fact]
    public void RejectsAttestationsThatAreNotAnArray()
    {
        var parsed = Assert.Single(Readers.Json("""{ "attestations": {} }"""));

        Assert.Equal(ErrorCodes.WrongType, parsed.Single("attestations").Code);
    }

    [Fact]
    public void RejectsMoreAttestationsThanTheLimit()
    {
        var json = TestDocuments.Batch(TestDocuments.Crude(), TestDocuments.Crude(), TestDocuments.Crude());

        var parsed = Assert.Single(Readers.Json(json, ReaderLimits.Default with { MaxAttestationsPerFile = 2 }));

        Assert.Equal(ErrorCodes.TooManyAttestations, Assert.Single(parsed.ReadErrors).Code);
    }
}
