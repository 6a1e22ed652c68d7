using System.Text;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class CsvReaderFileErrors
{
    private static readonly string Header = string.Join(',', AttestationCsvReader.RequiredColumns);

    private static readonly string ValidCsv = TestDocuments.ToCsv(TestDocuments.Crude());

    private static ValidationIssue FileError(List<ParsedAttestation> parsed)
    {
        var only = Assert.Single(parsed);
        Assert.Null(only.Document);
        return Assert.Single(only.ReadErrors);
    }

    [Fact]
    public void Rejects_An_Empty_File() => Assert.Equal(ErrorCodes.MissingColumns, FileError(Readers.Csv("")).Code);

    [Fact]
    public void Names_The_Missing_Columns()
    {
        var header = Header.Replace("vessel.imo,", "", StringComparison.Ordinal).Replace(",price.basis", "", StringComparison.Ordinal);

        var error = FileError(Readers.Csv(header + "\n"));

        Assert.Equal((ErrorCodes.MissingColumns, "$"), (error.Code, error.Field));
        Assert.Contains("vessel.imo, price.basis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matches_Column_Names_Case_Sensitively()
    {
        var error = FileError(Readers.Csv(Header.Replace("vessel.imo", "Vessel.IMO", StringComparison.Ordinal) + "\n"));

        Assert.Contains("vessel.imo", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(';', "semicolons")]
    [InlineData('\t', "tabs")]
    public void Hints_At_The_Delimiter(char delimiter, string hint)
    {
        var csv = ValidCsv.Replace(',', delimiter);

        var error = FileError(Readers.Csv(csv));

        Assert.Equal(ErrorCodes.MissingColumns, error.Code);
        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_A_Duplicate_Column()
    {
        var error = FileError(Readers.Csv($"{Header},price.value\n"));

        Assert.Equal((ErrorCodes.DuplicateColumn, "price.value"), (error.Code, error.Field));
    }

    [Fact]
    public void Rejects_Columns_Duplicated_By_Trimming()
    {
        var error = FileError(Readers.Csv($"{Header}, vessel.flag \n"));

        Assert.Equal(ErrorCodes.DuplicateColumn, error.Code);
    }

    [Fact]
    public void Accepts_A_Utf8_Byte_Order_Mark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(ValidCsv)).ToArray();

        var parsed = Assert.Single(Readers.Csv(bytes));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("1.0", parsed.Document!.SchemaVersion);
    }

    [Fact]
    public void Rejects_Invalid_Utf8()
    {
        var bytes = Encoding.UTF8.GetBytes(ValidCsv);
        bytes[^5] = 0xFF;

        var parsed = Readers.Csv(bytes);

        Assert.Equal(ErrorCodes.InvalidEncoding, Assert.Single(parsed.Last().ReadErrors).Code);
        Assert.All(parsed, p => Assert.Null(p.Document));
    }

    [Fact]
    public void Stops_At_An_Unclosed_Quote()
    {
        var lines = ValidCsv.Split("\r\n");
        var csv = $"{lines[0]}\r\n{lines[1]}\r\n\"{lines[1]}\r\n{lines[1]}\r\n";

        var parsed = Readers.Csv(csv);

        Assert.Empty(parsed[0].ReadErrors);
        Assert.Equal((1, ErrorCodes.InvalidCsv), (parsed[^1].Index, Assert.Single(parsed[^1].ReadErrors).Code));
    }

    [Fact]
    public void Stops_At_Text_After_A_Closing_Quote()
    {
        var parsed = Readers.Csv(ValidCsv + "\"1.0\"x,ATT\r\n");

        Assert.Equal(ErrorCodes.InvalidCsv, Assert.Single(parsed[^1].ReadErrors).Code);
    }

    [Fact]
    public void Rejects_A_File_Larger_Than_The_Limit()
    {
        var error = FileError(Readers.Csv(ValidCsv, ReaderLimits.Default with { MaxBytes = 100 }));

        Assert.Equal(ErrorCodes.FileTooLarge, error.Code);
    }

    [Fact]
    public void Stops_A_Forward_Only_Stream_At_The_Limit()
    {
        var rows = ValidCsv.Split("\r\n")[1];
        var csv = ValidCsv + string.Concat(Enumerable.Repeat(rows + "\r\n", 200));
        var stream = new Readers.ForwardOnlyStream(Encoding.UTF8.GetBytes(csv));

        var parsed = AttestationCsvReader.Read(stream, ReaderLimits.Default with { MaxBytes = 50_000 }).ToList();

        Assert.Equal(ErrorCodes.FileTooLarge, Assert.Single(parsed[^1].ReadErrors).Code);
        Assert.Null(parsed[^1].Document);
        Assert.All(parsed[..^1], p => Assert.Empty(p.ReadErrors));
    }

    [Fact]
    public void Stops_After_The_Most_Rows_Allowed()
    {
        var row = ValidCsv.Split("\r\n")[1];
        var csv = ValidCsv + row + "\r\n" + row + "\r\n";

        var parsed = Readers.Csv(csv, ReaderLimits.Default with { MaxAttestationsPerFile = 2 });

        Assert.Equal(3, parsed.Count);
        Assert.Equal((2, ErrorCodes.TooManyAttestations), (parsed[2].Index, Assert.Single(parsed[2].ReadErrors).Code));
    }
}
