using System.Text;
using Azure.Data.Tables;

namespace PriceCapAttest.Pipeline.Tests.Infrastructure;

[Collection(AzuriteCollection.Name)]
public sealed class AzuriteFixtureServes(AzuriteFixture azurite)
{
    [Fact]
    public async Task Blobs_Queues_And_Tables()
    {
        var container = azurite.CreateBlobContainerClient(AzuriteFixture.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("a/b.txt").UploadAsync(new BinaryData(Encoding.UTF8.GetBytes("hello")));
        var downloaded = await container.GetBlobClient("a/b.txt").DownloadContentAsync();
        Assert.Equal("hello", downloaded.Value.Content.ToString());

        var queue = azurite.CreateQueueClient(AzuriteFixture.UniqueName("q"));
        await queue.CreateIfNotExistsAsync();
        await queue.SendMessageAsync("{\"x\":1}");
        var received = await queue.ReceiveMessageAsync();
        Assert.Equal("{\"x\":1}", received.Value.Body.ToString());

        var table = azurite.CreateTableClient(AzuriteFixture.UniqueName("T"));
        await table.CreateIfNotExistsAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = 42L });
        var entity = await table.GetEntityAsync<TableEntity>("p", "r");
        Assert.Equal(42L, entity.Value.GetInt64("Value"));
    }
}
