using System.Globalization;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Rescreening;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

/// <summary>
/// A file's index rows are written in transactions per partition (more than a hundred per partition here, so they
/// split); the rows are exactly those the one-row writers build from each recorded version.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class IndexRowsOfAFile(AzuriteFixture azurite)
{
    private const int Rows = 150;

    [Fact]
    public async Task The_Batched_Rows_Are_Those_Of_Per_Row_Writes()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper();
        var ids = Enumerable.Range(0, Rows).Select(i => $"ATT-{i:D4}").ToList();
        var csv = string.Concat(ids.Select((id, i) =>
        {
            var lines = Documents.Csv(id, loadingDate: $"2026-03-{1 + (i % 28):D2}");
            return i == 0 ? lines : lines[(lines.IndexOf('\n') + 1)..];
        }));

        var outcome = await harness.Ingest.IngestAsync(await harness.UploadAsync(shipper, "year.csv", csv), CancellationToken.None);

        Assert.Equal(Rows, outcome.Receipt.Attestations.Count(a => a.Record is not null));
        Assert.Equal(2 * Rows, harness.Alerts.For(shipper).Count);
        var records = harness.Get<AttestationRecordStore>();
        var tables = azurite.CreateTableServiceClient();
        var expected = new List<TableEntity>();
        foreach (var id in ids)
        {
            var current = await records.GetCurrentAsync(shipper, id, CancellationToken.None) ?? throw new InvalidOperationException(id);
            var version = current.Version;
            expected.AddRange(ViolationIndex.Actions(version).Select(a => (TableEntity)a.Entity));
            expected.Add(AttestationRecordStore.VesselEntity(version, AttestationRecordStore.VesselKey(version)!.Value, current.Versions));
            expected.Add(ScreeningIndex.Entry(version)!);
        }

        Assert.Equal(Rows * 4, expected.Count); // EU and GB violations, the vessel row, the screening row
        await AssertStoredAsync(tables.GetTableClient(StorageNames.Tables.Violations), expected.Where(e => e.PartitionKey is "EU" or "GB"), 2 * Rows);
        await AssertStoredAsync(tables.GetTableClient(StorageNames.Tables.VesselIndex), expected.Where(e => e.PartitionKey == Documents.Imo), Rows);
        await AssertStoredAsync(tables.GetTableClient(StorageNames.Tables.ScreeningIndex), expected.Where(e => e.PartitionKey == "202603"), Rows);
    }

    private static async Task AssertStoredAsync(TableClient table, IEnumerable<TableEntity> expected, int count)
    {
        var rows = expected.ToList();
        Assert.Equal(count, rows.Count);
        foreach (var want in rows)
        {
            var got = (await table.GetEntityAsync<TableEntity>(want.PartitionKey, want.RowKey)).Value;
            Assert.Equal(Values(want), Values(got));
        }
    }

    private static SortedDictionary<string, string> Values(TableEntity entity) => new(
        entity.Where(p => p.Key is not ("odata.etag" or "Timestamp"))
            .ToDictionary(p => p.Key, p => p.Value switch
            {
                DateTimeOffset d => d.UtcTicks.ToString(CultureInfo.InvariantCulture),
                DateTime d => d.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
                _ => Convert.ToString(p.Value, CultureInfo.InvariantCulture) ?? "",
            }),
        StringComparer.Ordinal);
}
