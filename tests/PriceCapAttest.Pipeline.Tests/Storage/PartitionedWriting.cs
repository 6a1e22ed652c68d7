using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Storage;

/// <summary>Many rows written as entity group transactions per partition, with a row-by-row fallback on conflicts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class PartitionedWriting(AzuriteFixture azurite)
{
    [Fact]
    public async Task More_Than_A_Hundred_Rows_Of_A_Partition_Split_Into_Transactions_Of_A_Hundred()
    {
        var (table, requests) = await CountedTableAsync();
        var rows = Enumerable.Range(0, 250).Select(i => Entity("p", i)).Concat([Entity("q", 0)]).ToList();

        await PartitionedWrites.SubmitAsync(table, rows, r => new TableTransactionAction(TableTransactionActionType.Add, r),
            (_, _) => throw new InvalidOperationException("no conflict expected"), CancellationToken.None);
        var sent = requests.Count;

        Assert.Equal(4, sent); // 100 + 100 + 50 in p, the lone row of q as a plain insert
        Assert.Equal(250, await CountAsync(table, "p"));
        Assert.Equal(1, await CountAsync(table, "q"));
    }

    [Fact]
    public void A_Row_Key_That_Comes_Again_Starts_Another_Transaction()
    {
        var actions = new[] { Entity("p", 0), Entity("p", 1), Entity("p", 0) }
            .Select(e => (e, new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))).ToList();

        Assert.Equal([2, 1], PartitionedWrites.Chunk(actions).Select(c => c.Count));
    }

    [Fact]
    public async Task A_Transaction_Refused_For_A_Conflict_Writes_Its_Rows_One_By_One()
    {
        var (table, _) = await CountedTableAsync();
        await table.AddEntityAsync(Entity("p", 7, "before"));
        var rows = Enumerable.Range(0, 50).Select(i => Entity("p", i, "after")).ToList();
        var fallbacks = 0;

        await PartitionedWrites.SubmitAsync(table, rows, r => new TableTransactionAction(TableTransactionActionType.Add, r),
            async (row, ct) =>
            {
                Interlocked.Increment(ref fallbacks);
                await table.UpsertEntityAsync(row, TableUpdateMode.Replace, ct);
            }, CancellationToken.None);

        Assert.Equal(50, fallbacks);
        Assert.Equal(50, await CountAsync(table, "p"));
        Assert.Equal("after", (await table.GetEntityAsync<TableEntity>("p", "0007")).Value.GetString("Payload"));
    }

    private static TableEntity Entity(string pk, int i, string payload = "x") =>
        new(pk, i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)) { ["Payload"] = payload };

    private async Task<(TableClient Table, RequestCount Requests)> CountedTableAsync()
    {
        var requests = new RequestCount();
        var options = new TableClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerRetry);
        var table = new TableServiceClient(azurite.ConnectionString, options).GetTableClient(AzuriteFixture.UniqueName("Batched"));
        await table.CreateIfNotExistsAsync();
        requests.Count = 0;
        return (table, requests);
    }

    private static async Task<int> CountAsync(TableClient table, string partition)
    {
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
        {
            count++;
        }

        return count;
    }

    private sealed class RequestCount : HttpPipelineSynchronousPolicy
    {
        private int _count;

        public int Count
        {
            get => Volatile.Read(ref _count);
            set => Volatile.Write(ref _count, value);
        }

        public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
    }
}
