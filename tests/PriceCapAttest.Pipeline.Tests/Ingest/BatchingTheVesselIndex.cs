using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Ingest;

/// <summary>
/// VesselIndex rows written many at a time keep the one-row writer's rule: a row holding a later version (or a later
/// evaluation of the same version) stays, whether the batch inserts blindly (ingest) or reads first (re-screening).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class BatchingTheVesselIndex(AzuriteFixture azurite)
{
    private const string Imo = "9074729";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_Stale_Version_In_A_Batch_Does_Not_Overwrite_A_Newer_Row(bool rowsExist)
    {
        var table = azurite.CreateTableClient(AzuriteFixture.UniqueName("Vessels"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(Row("newer", version: 3, evaluation: 1));
        await table.AddEntityAsync(Row("older", version: 1, evaluation: 1));
        await table.AddEntityAsync(Row("rescreened", version: 2, evaluation: 3));
        var writer = new VesselIndexWriter(table);
        var rows = new List<VesselRow>
        {
            Write("newer", version: 2, evaluation: 1),
            Write("older", version: 2, evaluation: 1),
            Write("rescreened", version: 2, evaluation: 2),
        };
        rows.AddRange(Enumerable.Range(0, 120).Select(i => Write($"new-{i:D3}", version: 1, evaluation: 1)));

        await writer.WriteManyAsync(rows, rowsExist, CancellationToken.None);

        Assert.Equal((3, 1), await VersionAsync(table, "newer"));
        Assert.Equal((2, 1), await VersionAsync(table, "older"));
        Assert.Equal((2, 3), await VersionAsync(table, "rescreened"));
        for (var i = 0; i < 120; i++)
        {
            Assert.Equal((1, 1), await VersionAsync(table, $"new-{i:D3}"));
        }
    }

    [Fact]
    public async Task A_Later_Evaluation_Replaces_The_Row_It_Read()
    {
        var table = azurite.CreateTableClient(AzuriteFixture.UniqueName("Vessels"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(Row("a", version: 1, evaluation: 1));

        await new VesselIndexWriter(table).WriteManyAsync([Write("a", version: 1, evaluation: 2)], rowsExist: true, CancellationToken.None);

        Assert.Equal((1, 2), await VersionAsync(table, "a"));
    }

    private static TableEntity Row(string key, int version, int evaluation) =>
        new(Imo, "20260302|" + key) { ["Version"] = version, ["Evaluation"] = evaluation, ["Live"] = true };

    private static VesselRow Write(string key, int version, int evaluation) => new(Row(key, version, evaluation), version, evaluation);

    private static async Task<(int Version, int Evaluation)> VersionAsync(TableClient table, string key)
    {
        var row = (await table.GetEntityAsync<TableEntity>(Imo, "20260302|" + key)).Value;
        return (row.GetInt32("Version") ?? 0, row.GetInt32("Evaluation") ?? 0);
    }
}
