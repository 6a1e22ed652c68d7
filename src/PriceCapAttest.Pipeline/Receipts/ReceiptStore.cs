using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Receipts;

/// <summary>
/// Writes and reads receipts: the JSON blob the shipper sees (<c>attestation-receipts/{shipperId}/{name}.json</c>)
/// and the Receipts table row (PK = shipper, RK = name) the API reads with one point read. The row carries the
/// receipt JSON itself unless it is too long for an entity; then the API reads the blob.
/// </summary>
public sealed class ReceiptStore(BlobServiceClient blobs, TableServiceClient tables)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Receipts);
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Receipts);

    public static string ReceiptBlobName(string shipperId, string name) => $"{shipperId}/{name}.json";

    public async Task WriteAsync(Receipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var json = JsonSerializer.Serialize(receipt, ResultJson.Options);
        await _container.GetBlobClient(ReceiptBlobName(receipt.ShipperId, receipt.Name)).UploadAsync(
            BinaryData.FromString(json),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } },
            cancellationToken).ConfigureAwait(false);

        var entity = new TableEntity(RecordKeys.ReceiptPartition(receipt.ShipperId), RecordKeys.ReceiptRow(receipt.Name))
        {
            ["BlobPath"] = receipt.BlobPath,
            ["ShipperId"] = receipt.ShipperId,
            ["Name"] = receipt.Name,
            ["Status"] = receipt.Status.ToString(),
            ["ReceivedAt"] = receipt.ReceivedAt,
            ["Attestations"] = receipt.Attestations.Count,
        };
        if (receipt.Sha256 is not null)
        {
            entity["Sha256"] = receipt.Sha256;
        }

        entity["InBlob"] = !LargeText.TryWrite(entity, "Receipt", JsonSerializer.Serialize(receipt, ResultJson.Compact));
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The receipt of a document, or null when none was written (not seen yet).</summary>
    public async Task<Receipt?> GetAsync(string shipperId, string name, CancellationToken cancellationToken)
    {
        var entity = await _table.GetOrNullAsync<TableEntity>(RecordKeys.ReceiptPartition(shipperId), RecordKeys.ReceiptRow(name), cancellationToken).ConfigureAwait(false);
        if (entity is null)
        {
            return null;
        }

        var json = LargeText.Read(entity, "Receipt");
        if (json is null)
        {
            var content = await _container.GetBlobClient(ReceiptBlobName(shipperId, name)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            json = content.Value.Content.ToString();
        }

        return JsonSerializer.Deserialize<Receipt>(json, ResultJson.Options);
    }
}
