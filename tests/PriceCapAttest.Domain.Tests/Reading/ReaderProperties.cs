using System.Text;
using CsCheck;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Validation;

namespace PriceCapAttest.Domain.Tests.Reading;

/// <summary>Whatever the input, the readers yield results (never throw) and the validator takes what they yield.</summary>
public class ReaderProperties
{
    private static readonly DocumentValidator Validator = new(TestDocuments.Clock());
    private static readonly byte[] ValidJson = Encoding.UTF8.GetBytes(TestDocuments.CrudeJson);
    private static readonly byte[] ValidCsv = Encoding.UTF8.GetBytes(TestDocuments.ToCsv(TestDocuments.Crude(), TestDocuments.Crude()));

    /// <summary>A valid document with a few bytes changed, inserted or cut off.</summary>
    private static Gen<byte[]> Mutated(byte[] valid) =>
        from edits in Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Byte, Gen.Int[0, 2]).Array[1, 6]
        from cut in Gen.Int[0, valid.Length]
        select Mutate(valid, edits, cut);

    private static byte[] Mutate(byte[] valid, (int At, byte Value, int Kind)[] edits, int cut)
    {
        var bytes = new List<byte>(valid);
        foreach (var (at, value, kind) in edits)
        {
            var i = Math.Min(at, bytes.Count - 1);
            if (i < 0)
                break;
            switch (kind)
            {
                case 0: bytes[i] = value; break;
                case 1: bytes.Insert(i, value); break;
                default: bytes.RemoveAt(i); break;
            }
        }
        return [.. bytes.Take(Math.Max(cut, bytes.Count / 2))];
    }

    private static void ReadAndValidate(Func<Stream, ReaderLimits, IEnumerable<ParsedAttestation>> read, byte[] bytes)
    {
        var parsed = read(new MemoryStream(bytes), ReaderLimits.Default with { MaxDepth = 16 }).ToList();
        foreach (var attestation in parsed)
            _ = Validator.Validate(attestation);
    }

    private static void ReadsJson(byte[] bytes)
    {
        var parsed = AttestationJsonReader.Read(new MemoryStream(bytes), ReaderLimits.Default).ToList();
        Assert.NotEmpty(parsed);
        foreach (var attestation in parsed)
            _ = Validator.Validate(attestation);
    }

    [Fact]
    public void Json_Reader_Never_Throws_On_Arbitrary_Bytes() =>
        Gen.Byte.Array[0, 300].Sample(ReadsJson, iter: 5_000);

    [Fact]
    public void Json_Reader_Never_Throws_On_Arbitrary_Text() =>
        Gen.String.Sample(text => ReadsJson(Encoding.UTF8.GetBytes(text)), iter: 5_000);

    [Fact]
    public void Json_Reader_Never_Throws_On_Mutated_Documents() =>
        Mutated(ValidJson).Sample(ReadsJson, iter: 5_000);

    [Fact]
    public void Json_Reader_Never_Throws_On_Values_Of_Any_Kind_In_Any_Field()
    {
        var paths = new[]
        {
            "schemaVersion", "attestor", "attestor.tier", "attestor.signedAt", "vessel.imo", "voyage.loadingDate",
            "voyage.stsTransfer", "cargo.quantity", "cargo.quantity.value", "cargo.apiGravity", "price.value",
            "ancillaryCosts", "ancillaryCosts[1]", "ancillaryCosts[0].value", "fxRatesToUsd", "fxRatesToUsd.EUR",
            "serviceProviders[1].country", "exemption",
        };
        var values = Gen.OneOf(
            Gen.String.Select(s => System.Text.Json.JsonSerializer.Serialize(s)),
            Gen.Decimal.Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e999"),
            Gen.OneOf("true", "null", "[]", "{}", "[1,\"a\",{}]", "{\"EUR\":\"x\"}", "-0", "1e-999"));
        Gen.Select(Gen.OneOf(paths), values).Sample((path, json) =>
        {
            var text = TestDocuments.Crude().SetJson(path, json).ToJsonString();
            ReadsJson(Encoding.UTF8.GetBytes(text));
        }, iter: 5_000);
    }

    [Fact]
    public void Csv_Reader_Never_Throws_On_Arbitrary_Bytes() =>
        Gen.Byte.Array[0, 300].Sample(bytes => ReadAndValidate(AttestationCsvReader.Read, bytes), iter: 5_000);

    [Fact]
    public void Csv_Reader_Never_Throws_On_Arbitrary_Text() =>
        Gen.String.Sample(text => ReadAndValidate(AttestationCsvReader.Read, Encoding.UTF8.GetBytes(text)), iter: 5_000);

    [Fact]
    public void Csv_Reader_Never_Throws_On_Mutated_Documents() =>
        Mutated(ValidCsv).Sample(bytes => ReadAndValidate(AttestationCsvReader.Read, bytes), iter: 5_000);

    [Fact]
    public void Csv_Reader_Never_Throws_On_Arbitrary_Cells()
    {
        var header = Encoding.UTF8.GetString(ValidCsv).Split("\r\n")[0];
        var columns = header.Split(',').Length;
        Gen.String.Array[columns].Sample(cells =>
        {
            var csv = header + "\r\n" + string.Join(',', cells.Select(TestDocuments.Quote)) + "\r\n";
            ReadAndValidate(AttestationCsvReader.Read, Encoding.UTF8.GetBytes(csv));
        }, iter: 5_000);
    }
}
