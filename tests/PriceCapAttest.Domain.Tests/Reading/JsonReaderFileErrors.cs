using System.Text;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class JsonReaderFileErrors
{
    private static ValidationIssue FileError(List<ParsedAttestation> parsed)
    {
        var only = Assert.Single(parsed);
        Assert.Null(only.Document);
        Assert.Equal(0, only.Index);
        return Assert.Single(only.ReadErrors);
    }

    [Fact]
    public void Accepts_A_Utf8_Byte_Order_Mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(TestDocuments.CrudeJson)).ToArray();

        var parsed = Assert.Single(Readers.Json(bytes));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("ATT-2026-0042", parsed.Document!.AttestationId);
    }

    [Fact]
    public void Rejects_Invalid_Utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(TestDocuments.CrudeJson);
        var at = Array.IndexOf(bytes, (byte)'N');
        bytes[at] = 0xC3;
        bytes[at + 1] = 0x28;

        var error = FileError(Readers.Json(bytes));

        Assert.Equal((ReadIssuesPath, ErrorCodes.InvalidEncoding), (error.Field, error.Code));
        Assert.Contains("offset " + at, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_Utf16()
    {
        var error = FileError(Readers.Json(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("{}")).ToArray()));

        Assert.Equal(ErrorCodes.InvalidEncoding, error.Code);
    }

    [Fact]
    public void Rejects_Truncated_Json_With_Line_And_Position()
    {
        var json = TestDocuments.CrudeJson[..TestDocuments.CrudeJson.IndexOf("\"vessel\"", StringComparison.Ordinal)];

        var error = FileError(Readers.Json(json));

        Assert.Equal(ErrorCodes.InvalidJson, error.Code);
        Assert.Matches("line [0-9]+, position [0-9]+", error.Message);
    }

    [Fact]
    public void Reports_The_Line_Of_A_Syntax_Error()
    {
        var error = FileError(Readers.Json("{\n  \"schemaVersion\": \"1.0\",\n  \"attestationId\": ATT\n}"));

        Assert.Equal(ErrorCodes.InvalidJson, error.Code);
        Assert.Contains("line 3, position 20", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{\"a\":1,}")]
    [InlineData("// comment\n{}")]
    public void Rejects_What_Is_Not_Json(string text) => Assert.Equal(ErrorCodes.InvalidJson, FileError(Readers.Json(text)).Code);

    [Fact]
    public void Rejects_Nesting_Deeper_Than_The_Limit()
    {
        var deep = "{\"attestor\":" + new string('[', 70) + new string(']', 70) + "}";

        var error = FileError(Readers.Json(deep));

        Assert.Equal(ErrorCodes.NestingTooDeep, error.Code);
    }

    [Fact]
    public void Accepts_Nesting_Up_To_The_Limit()
    {
        var json = TestDocuments.Crude().SetJson("extra", new string('[', 60) + new string(']', 60)).ToJsonString();

        Assert.Empty(Assert.Single(Readers.Json(json)).ReadErrors);
    }

    [Fact]
    public void Rejects_A_File_Larger_Than_The_Limit()
    {
        var limits = ReaderLimits.Default with { MaxBytes = 100 };

        var error = FileError(Readers.Json(TestDocuments.CrudeJson, limits));

        Assert.Equal(ErrorCodes.FileTooLarge, error.Code);
    }

    [Fact]
    public void Rejects_A_Large_Forward_Only_Stream_While_Reading()
    {
        var stream = new Readers.ForwardOnlyStream(Encoding.UTF8.GetBytes(TestDocuments.CrudeJson));

        var parsed = AttestationJsonReader.Read(stream, ReaderLimits.Default with { MaxBytes = 100 }).ToList();

        Assert.Equal(ErrorCodes.FileTooLarge, FileError(parsed).Code);
    }

    [Fact]
    public void Reads_A_Forward_Only_Stream_Within_The_Limit()
    {
        var stream = new Readers.ForwardOnlyStream(Encoding.UTF8.GetBytes(TestDocuments.CrudeJson));

        var parsed = Assert.Single(AttestationJsonReader.Read(stream, ReaderLimits.Default));

        Assert.Empty(parsed.ReadErrors);
    }

    [Theory]
    [InlineData("[]", "an array")]
    [InlineData("\"attestation\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("null", "null")]
    public void Rejects_A_Root_That_Is_Not_An_Object(string json, string found)
    {
        var error = FileError(Readers.Json(json));

        Assert.Equal(ErrorCodes.NotAnAttestation, error.Code);
        Assert.Contains(found, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propagates_Stream_Failures()
    {
        Assert.Throws<IOException>(() => AttestationJsonReader.Read(new FailingStream(), ReaderLimits.Default).ToList());
    }

    private const string ReadIssuesPath = "$";

    private sealed class FailingStream : MemoryStream
    {
        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("disk gone");

        public override int Read(Span<byte> buffer) => throw new IOException("disk gone");
    }
}
