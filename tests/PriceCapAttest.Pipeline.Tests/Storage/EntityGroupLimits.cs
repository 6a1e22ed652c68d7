using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class EntityGroupLimits(AzuriteFixture azurite)
{
    private static TableEntity Entity(string pk, int i, int payloadChars = 10) =>
        new(pk, i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)) { ["Payload"] = new string('x', payloadChars) };

    [Fact]
    public void Refuses_The_Hundred_And_First_Entity()
    {
        var transaction = new EntityGroupTransaction();
        for (var i = 0; i < EntityGroupTransaction.MaxActions; i++)
        {
            transaction.Add(TableTransactionActionType.Add, Entity("p", i));
        }

        Assert.Throws<InvalidOperationException>(() => transaction.Add(TableTransactionActionType.Add, Entity("p", 100)));
        Assert.Equal(100, transaction.Count);
    }

    [Fact]
    public void Refuses_A_Second_Partition()
    {
        var transaction = new EntityGroupTransaction().Add(TableTransactionActionType.Add, Entity("p1", 0));
        Assert.Throws<InvalidOperationException>(() => transaction.Add(TableTransactionActionType.Add, Entity("p2", 1)));
    }

    [Fact]
    public void Refuses_More_Than_Four_Mebibytes()
    {
        var transaction = new EntityGroupTransaction();
        // Each entity about 0.9 MiB (450,000 UTF-16 characters): four fit, the fifth would pass 4 MiB.
        for (var i = 0; i < 4; i++)
        {
            transaction.Add(TableTransactionActionType.Add, Entity("p", i, 450_000));
        }

        Assert.Throws<InvalidOperationException>(() => transaction.Add(TableTransactionActionType.Add, Entity("p", 4, 450_000)));
    }

    [Fact]
    public void Refuses_An_Entity_Over_One_Mebibyte() =>
        Assert.Throws<InvalidOperationException>(() =>
            new EntityGroupTransaction().Add(TableTransactionActionType.Add, Entity("p", 0, 600_000)));

    [Fact]
    public void Chunks_Idempotent_Writes_By_The_Limits()
    {
        var chunks = EntityGroupTransaction.Chunk(Enumerable.Range(0, 250)
            .Select(i => (TableTransactionActionType.UpsertReplace, (ITableEntity)Entity("p", i))));
        Assert.Equal([100, 100, 50], chunks.Select(c => c.Count));
        Assert.Throws<InvalidOperationException>(() => EntityGroupTransaction.Chunk(
            [(TableTransactionActionType.UpsertReplace, Entity("p", 0)), (TableTransactionActionType.UpsertReplace, Entity("q", 1))]));
    }

    [Fact]
    public async Task A_Hundred_Entities_Commit_At_Once()
    {
        var table = azurite.CreateTableClient(AzuriteFixture.UniqueName("Batch"));
        await table.CreateIfNotExistsAsync();
        var transaction = new EntityGroupTransaction();
        for (var i = 0; i < 100; i++)
        {
            transaction.Add(TableTransactionActionType.Add, Entity("p", i));
        }

        await transaction.SubmitAsync(table, CancellationToken.None);
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"p"}")))
        {
            count++;
        }

        Assert.Equal(100, count);
    }
}
