using Azure.Data.Tables;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Security;

/// <summary>
/// Blob names a shipper may choose (dot segments, '#', '?', an escaped slash, control characters, long Unicode) go
/// through the ingest on Azurite: each gets exactly one receipt at {shipperId}/{name}.json, safe table keys (no
/// / \ # ? or control characters, at most 1 KiB), and its receipt and record are read back by the same ids.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class HostileBlobNames(AzuriteFixture azurite)
{
    public static TheoryData<string, string> Names() => new()
    {
        { "", "..json" },
        { "", "a..b/...json" },
        { "", "x#fragment.json" },
        { "", "q?x=1&code=2.json" },
        { "", "enc%2Fslash%2F..%2Fother.json" },
        { "", "pct%27%20quote'.json" },
        { "", "ctl\u0001\u001F\u007F.json" },
        { "", "tab\tnew\nline.json" },
        { "", string.Concat(Enumerable.Repeat("ü", 300)) + string.Concat(Enumerable.Repeat("🚢", 150)) + ".json" },
        { "", "名前/ファイル/文書.json" },
        { "-x' or PartitionKey ne '", "doc.json" },
        { "#?", "doc.json" },
        { "%2F..", "doc.json" },
        { "ü🚢", "doc.json" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Each_Name_Gets_One_Receipt_At_Its_Path_And_Is_Read_Back_By_The_Same_Ids(string shipperSuffix, string name)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var shipper = PipelineHarness.NewShipper() + shipperSuffix;
        var blob = await harness.UploadAsync(shipper, name, Documents.Json("ATT-1"));
        Assert.Equal($"{shipper}/{name}", blob.Name);

        var outcome = await harness.Ingest.IngestAsync(blob, CancellationToken.None);

        var receipt = outcome.Receipt;
        Assert.Equal(ReceiptStatus.Processed, receipt.Status);
        Assert.Equal($"attestations/{shipper}/{name}", receipt.BlobPath);
        Assert.Equal(shipper, receipt.ShipperId);
        Assert.Equal(name, receipt.Name);
        var item = Assert.Single(receipt.Attestations);
        Assert.Equal(new RecordKey(shipper, "ATT-1", 1), item.Record);

        // Exactly one receipt for this shipper, at the expected path (not normalised to another name). The emulator
        // cannot list names with control characters (its XML), so those are checked by their receipt row and blob.
        var receipts = harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Receipts);
        Assert.True(await receipts.GetBlobClient(ReceiptStore.ReceiptBlobName(shipper, name)).ExistsAsync());
        if (!name.Any(char.IsControl))
        {
            var stored = new List<string>();
            await foreach (var b in receipts.GetBlobsAsync(BlobTraits.None, BlobStates.None, shipper + "/", CancellationToken.None))
            {
                stored.Add(b.Name);
            }

            Assert.Equal([ReceiptStore.ReceiptBlobName(shipper, name)], stored);
        }

        var rows = 0;
        await foreach (var _ in azurite.CreateTableClient(StorageNames.Tables.Receipts)
                           .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {RecordKeys.ReceiptPartition(shipper)}")))
        {
            rows++;
        }

        Assert.Equal(1, rows);

        // Read back by the same ids: the receipt by its document path, the record by shipper and attestation id.
        var byPath = await harness.Queries.GetReceiptAsync($"attestations/{shipper}/{name}", CancellationToken.None);
        Assert.NotNull(byPath);
        Assert.Equal(receipt.BlobPath, byPath.BlobPath);
        var record = await harness.Queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);
        Assert.NotNull(record);
        Assert.Equal(receipt.BlobPath, record.BlobPath);
        Assert.Equal(Verdict.Violation, record.Verdict);

        // Every key written for this shipper is a safe Table Storage key.
        foreach (var table in new[] { StorageNames.Tables.Receipts, StorageNames.Tables.Attestations })
        {
            var client = azurite.CreateTableClient(table);
            var partitions = new[] { RecordKeys.ReceiptPartition(shipper), RecordKeys.Attestation(shipper, "ATT-1") };
            foreach (var partition in partitions)
            {
                await foreach (var e in client.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")))
                {
                    Assert.True(KeyEncoder.IsSafeKey(e.PartitionKey), e.PartitionKey);
                    Assert.True(KeyEncoder.IsSafeKey(e.RowKey), e.RowKey);
                }
            }
        }
    }

    public static TheoryData<string> NotAddressable() => ["../{other}/doc.json", "x/../../{other}/doc.json", "./doc.json", "..\\{other}\\doc.json", "a\\b.json"];

    /// <summary>
    /// A name with a '.' or '..' segment or a '\' would be normalised by the storage SDK ("a/../b" is "b"): read or
    /// written as such it could reach another shipper's document and overwrite its receipt. It is refused before
    /// anything is read or written, and the receipt API answers 400 for it.
    /// </summary>
    [Theory]
    [MemberData(nameof(NotAddressable))]
    public async Task A_Name_The_Sdk_Would_Normalise_Is_Refused_And_Reaches_No_Other_Shipper(string template)
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var (mine, other) = (PipelineHarness.NewShipper(), PipelineHarness.NewShipper());
        var theirs = await harness.UploadAsync(other, "doc.json", Documents.Json("ATT-OTHER"));
        var before = (await harness.Ingest.IngestAsync(theirs, CancellationToken.None)).Receipt;
        var name = template.Replace("{other}", other, StringComparison.Ordinal);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            harness.Ingest.IngestAsync(StorageNames.Containers.Attestations, $"{mine}/{name}", CancellationToken.None));

        Assert.Null(DocumentPath.TryParse($"attestations/{mine}/{name}"));
        await Assert.ThrowsAsync<PriceCapAttest.Pipeline.Queries.InvalidQueryException>(() =>
            harness.Queries.GetReceiptAsync($"attestations/{mine}/{name}", CancellationToken.None));
        Assert.Null(await harness.Queries.GetAttestationAsync(mine, "ATT-OTHER", null, CancellationToken.None));
        var after = await harness.Queries.GetReceiptAsync($"attestations/{other}/doc.json", CancellationToken.None);
        Assert.NotNull(after);
        Assert.Equal(before.BlobPath, after.BlobPath);
        Assert.Equal(other, after.ShipperId);
        var receiptBlob = await harness.Blobs.GetBlobContainerClient(StorageNames.Containers.Receipts)
            .GetBlobClient(ReceiptStore.ReceiptBlobName(other, "doc.json")).DownloadContentAsync();
        Assert.Contains($"\"shipperId\": \"{other}\"", receiptBlob.Value.Content.ToString(), StringComparison.Ordinal);
    }
}
