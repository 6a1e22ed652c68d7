using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

public class CsvReaderRows
{
    private static readonly string Header = string.Join(',', AttestationCsvReader.RequiredColumns);

    /// <summary>A minimal row for the required columns, with the given cells replaced (by column name).</summary>
    private static string Row(params (string Column, string Cell)[] replace)
    {
        var cells = new Dictionary<string, string>
        {
            ["schemaVersion"] = "1.0", ["attestationId"] = "ATT-1", ["attestor.name"] = "Baltic Energy Trading SA",
            ["attestor.tier"] = "1", ["attestor.country"] = "CH", ["attestor.signatory"] = "A. Meyer",
            ["attestor.signedAt"] = "2026-03-01T09:00:00Z", ["vessel.imo"] = "9074729", ["vessel.name"] = "NORDIC STAR",
            ["vessel.flag"] = "LR", ["voyage.loadPort"] = "RUPRI", ["voyage.loadingDate"] = "2026-03-02",
            ["contract.reference"] = "C-1", ["contract.date"] = "2026-02-10", ["cargo.product"] = "crude",
            ["cargo.hsCode"] = "2709.00", ["cargo.origin"] = "RU", ["cargo.quantity.value"] = "100000",
            ["cargo.quantity.unit"] = "t", ["price.value"] = "42.10", ["price.currency"] = "USD",
            ["price.unit"] = "bbl", ["price.basis"] = "FOB",
        };
        foreach (var (column, cell) in replace)
            cells[column] = cell;
        return string.Join(',', AttestationCsvReader.RequiredColumns.Select(c => TestDocuments.Quote(cells[c])));
    }

    [Fact]
    public void Reads_One_Attestation_Per_Row_Indexed_From_Zero()
    {
        var parsed = Readers.Csv($"{Header}\n{Row()}\n{Row(("attestationId", "ATT-2"))}\n");

        Assert.Equal([0, 1], parsed.Select(p => p.Index));
        Assert.Equal(["ATT-1", "ATT-2"], parsed.Select(p => p.Document!.AttestationId));
        Assert.All(parsed, p => Assert.Empty(p.ReadErrors));
        Assert.Equal(42.10m, parsed[0].Document!.Price!.Value);
        Assert.Equal(new DateOnly(2026, 3, 2), parsed[0].Document!.Voyage!.LoadingDate);
    }

    [Fact]
    public void Reads_Quoted_Cells_With_Commas_Quotes_And_Newlines()
    {
        var name = "Baltic \"Energy\", Trading\nSA";
        var parsed = Assert.Single(Readers.Csv($"{Header}\r\n{Row(("attestor.name", name))}\r\n"));

        Assert.Equal(name, parsed.Document!.Attestor!.Name);
        Assert.Empty(parsed.ReadErrors);
    }

    [Fact]
    public void Treats_An_Empty_Cell_As_Absent()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header}\n{Row(("attestor.tier", ""), ("vessel.flag", ""))}\n"));

        Assert.Empty(parsed.ReadErrors);
        Assert.Null(parsed.Document!.Attestor!.Tier);
        Assert.Null(parsed.Document.Vessel!.Flag);
    }

    [Fact]
    public void Reports_A_Malformed_Cell_And_Goes_On()
    {
        var parsed = Readers.Csv($"{Header}\n{Row(("price.value", "42,10"), ("voyage.loadingDate", "02.03.2026"))}\n{Row()}\n");

        Assert.Equal(2, parsed.Count);
        Assert.Equal(ErrorCodes.WrongType, parsed[0].Single("price.value").Code);
        Assert.Equal(ErrorCodes.InvalidFormat, parsed[0].Single("voyage.loadingDate").Code);
        Assert.Empty(parsed[1].ReadErrors);
    }

    [Fact]
    public void Keeps_Formula_Like_Cells_As_Text()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header}\n{Row(("vessel.imo", "=HYPERLINK(\"http://x\",\"9074729\")"))}\n"));

        Assert.Equal("=HYPERLINK(\"http://x\",\"9074729\")", parsed.Document!.Vessel!.Imo);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("FALSE", false)]
    public void Reads_Booleans(string cell, bool expected)
    {
        var parsed = Assert.Single(Readers.Csv($"{Header},voyage.stsTransfer\n{Row()},{cell}\n"));

        Assert.Equal(expected, parsed.Document!.Voyage!.StsTransfer);
    }

    [Fact]
    public void Reports_A_Boolean_That_Is_Not()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header},voyage.stsTransfer\n{Row()},yes\n"));

        Assert.Equal(ErrorCodes.WrongType, parsed.Single("voyage.stsTransfer").Code);
    }

    [Fact]
    public void Reads_Indexed_Lists_In_Index_Order_Skipping_Empty_Entries()
    {
        var csv = $"{Header},ancillaryCosts[5].type,ancillaryCosts[5].value,ancillaryCosts[5].currency,ancillaryCosts[5].unit," +
                  "ancillaryCosts[0].type,ancillaryCosts[0].value,ancillaryCosts[0].currency,ancillaryCosts[0].unit," +
                  "ancillaryCosts[2].type,ancillaryCosts[2].value,serviceProviders[0].role,serviceProviders[0].name,serviceProviders[0].country\n" +
                  $"{Row()},insurance,0.25,USD,bbl,freight,3.10,USD,bbl,,,insurer,North P&I,GB\n";

        var parsed = Assert.Single(Readers.Csv(csv));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal(
        [
            new AncillaryCost { Type = "freight", Value = 3.10m, Currency = "USD", Unit = "bbl" },
            new AncillaryCost { Type = "insurance", Value = 0.25m, Currency = "USD", Unit = "bbl" },
        ], parsed.Document!.AncillaryCosts);
        Assert.Equal([new ServiceProvider { Role = "insurer", Name = "North P&I", Country = "GB" }], parsed.Document.ServiceProviders);
    }

    [Fact]
    public void Names_List_Errors_By_Position_In_The_List()
    {
        var csv = $"{Header},ancillaryCosts[3].type,ancillaryCosts[3].value,ancillaryCosts[7].type,ancillaryCosts[7].value\n" +
                  $"{Row()},freight,3.10,insurance,cheap\n";

        var parsed = Assert.Single(Readers.Csv(csv));

        Assert.Equal(ErrorCodes.WrongType, parsed.Single("ancillaryCosts[1].value").Code);
    }

    [Fact]
    public void Reads_One_Rate_Column_Per_Currency()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header},fxRatesToUsd.EUR,fxRatesToUsd.GBP,fxRatesToUsd.JPY\n{Row()},1.08,,0.0067\n"));

        Assert.Equal(2, parsed.Document!.FxRatesToUsd.Count);
        Assert.Equal(1.08m, parsed.Document.FxRatesToUsd["EUR"]);
        Assert.Equal(0.0067m, parsed.Document.FxRatesToUsd["JPY"]);
    }

    [Fact]
    public void Ignores_Unknown_Top_Level_Columns_And_Trims_Header_Names()
    {
        var header = string.Join(',', AttestationCsvReader.RequiredColumns.Select(c => $" {c} "));
        var parsed = Assert.Single(Readers.Csv($"notes,{header},vessel.callSign\nhello,{Row()},\n"));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal("ATT-1", parsed.Document!.AttestationId);
    }

    [Fact]
    public void Skips_Blank_Lines_But_Counts_Them()
    {
        var parsed = Readers.Csv($"{Header}\n{Row()}\n\n{Row(("attestationId", "ATT-3"))}\n");

        Assert.Equal([0, 2], parsed.Select(p => p.Index));
    }

    [Fact]
    public void Reports_A_Row_With_More_Cells_Than_The_Header()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header}\n{Row()},extra\n"));

        Assert.Equal(ErrorCodes.InvalidCsv, parsed.Single("$").Code);
    }

    [Fact]
    public void Reads_A_Short_Row_As_Empty_Cells()
    {
        var row = Row();
        var parsed = Assert.Single(Readers.Csv($"{Header}\n{row[..row.LastIndexOf(',')]}\n"));

        Assert.Empty(parsed.ReadErrors);
        Assert.Null(parsed.Document!.Price!.Basis);
    }

    [Fact]
    public void Reads_Rows_Starting_With_Hash()
    {
        var parsed = Assert.Single(Readers.Csv($"{Header}\n{Row(("schemaVersion", "#1.0"))}\n"));

        Assert.Equal("#1.0", parsed.Document!.SchemaVersion);
    }

    [Fact]
    public void Reports_A_Filled_Unknown_Column_Of_A_Section_In_A_Version10_Row()
    {
        var csv = $"{Header},voyage.dischargedate,ancillaryCosts[0].amount,remarks\n{Row()},2026-04-05,,free text\n{Row(("schemaVersion", "1.2"))},2026-04-05,3,\n";

        var parsed = Readers.Csv(csv);

        var unknown = Assert.Single(parsed[0].ReadErrors);
        Assert.Equal(("voyage.dischargedate", ErrorCodes.UnknownField), (unknown.Field, unknown.Code));
        Assert.Contains("'dischargeDate'", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(parsed[1].ReadErrors); // a later minor version may add fields
    }

    [Fact]
    public void Reads_The_Owner_Column_And_A_General_Licence()
    {
        var csv = $"{Header},cargo.owner.country,exemption.type,exemption.reference\n{Row(("schemaVersion", "1.1"))},AE,general_licence,GL 134\n";

        var parsed = Assert.Single(Readers.Csv(csv));

        Assert.Empty(parsed.ReadErrors);
        Assert.Equal(new CargoOwner { Country = "AE" }, parsed.Document!.Cargo!.Owner);
        Assert.Equal(new Exemption { Type = "general_licence", Reference = "GL 134" }, parsed.Document.Exemption);
    }

    [Fact]
    public void Reports_Filled_Owner_Columns_In_A_Version10_Row_Once_At_The_Owner()
    {
        var csv = $"{Header},cargo.owner.country,cargo.owner.name\n{Row()},AE,Gulf Petroleum FZE\n{Row()},,\n";

        var parsed = Readers.Csv(csv);

        var unknown = Assert.Single(parsed[0].ReadErrors);
        Assert.Equal(("cargo.owner", ErrorCodes.UnknownField), (unknown.Field, unknown.Code));
        Assert.Contains("cargo.owner needs schemaVersion \"1.1\"", unknown.Message, StringComparison.Ordinal);
        Assert.Empty(parsed[1].ReadErrors);
        Assert.Null(parsed[1].Document!.Cargo!.Owner);
    }

    [Fact]
    public void Reports_A_Filled_Unknown_Column_Of_A_Section_In_A_Version11_Row_But_Not_In_A_Later_Minor_Version()
    {
        var csv = $"{Header},cargo.owner.countyr,voyage.dischargedate\n" +
                  $"{Row(("schemaVersion", "1.1"))},AE,\n{Row(("schemaVersion", "1.2"))},AE,2026-04-05\n";

        var parsed = Readers.Csv(csv);

        var unknown = Assert.Single(parsed[0].ReadErrors);
        Assert.Equal(("cargo.owner.countyr", ErrorCodes.UnknownField), (unknown.Field, unknown.Code));
        Assert.Empty(parsed[1].ReadErrors);
        Assert.Equal(new CargoOwner(), parsed[1].Document!.Cargo!.Owner);
    }
}
