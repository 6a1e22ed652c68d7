using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Receipts;

/// <summary>
/// Writes and reads receipts: the JSON blob the shipper sees (<c>attestation-receipts/{shipperId}/{name}.json</c>)
/// and the Receipts table row (PK = shipper, RK = name) the API reads with one point read. The row carries the
/// receipt JSON itself unless it is too long for an entity; then the API reads the blob. The row also names the
/// upload (blob ETag) it was written for, <c>UploadETag</c>: it is written last, after the blob, so a row naming an
/// upload's ETag means that upload's ingestion is complete.
/// </summary>
public sealed class ReceiptStore(BlobServiceClient blobs, TableServiceClient tables)
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Receipts);
    private readonly TableClient _table = tables.GetTableClient(StorageNames.Tables.Receipts);

    public static string ReceiptBlobName(string shipperId, string name) => $"{shipperId}/{name}.json";

    /// <summary>Writes the receipt blob, then the row; <paramref name="uploadETag"/> (when known) completes that upload.</summary>
    public async Task WriteAsync(Receipt receipt, string? uploadETag, CancellationToken cancellationToken)
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

        if (uploadETag is not null)
        {
            entity[UploadETag] = Unquoted(uploadETag);
        }

        entity["InBlob"] = !LargeText.TryWrite(entity, "Receipt", JsonSerializer.Serialize(receipt, ResultJson.Compact));
        await _table.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The receipt of a document, or null when none was written (not seen yet).</summary>
    public async Task<Receipt?> GetAsync(string shipperId, string name, CancellationToken cancellationToken)
    {
        var entity = await GetRowAsync(shipperId, name, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : await ReadAsync(entity, shipperId, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The receipt written for upload <paramref name="uploadETag"/> of a document, or null when that upload is not complete.</summary>
    public async Task<Receipt?> GetForUploadAsync(string shipperId, string name, string uploadETag, CancellationToken cancellationToken)
    {
        var entity = await GetRowAsync(shipperId, name, cancellationToken).ConfigureAwait(false);
        return entity is not null && entity.GetString(UploadETag) == Unquoted(uploadETag)
            ? await ReadAsync(entity, shipperId, name, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The upload the document's receipt was written for and its status, or null when there is no receipt.</summary>
    public async Task<ReceiptState?> GetStateAsync(string shipperId, string name, CancellationToken cancellationToken)
    {
        var entity = await GetRowAsync(shipperId, name, cancellationToken).ConfigureAwait(false);
        return entity is null ? null : new ReceiptState(entity.GetString(UploadETag), Enum.Parse<ReceiptStatus>(entity.GetString("Status")));
    }

    /// <summary>ETags compare without the quotes blob properties carry and listings do not.</summary>
    public static string Unquoted(string etag)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return etag.Trim('"');
    }

    private const string UploadETag = "UploadETag";

    private Task<TableEntity?> GetRowAsync(string shipperId, string name, CancellationToken cancellationToken) =>
        _table.GetOrNullAsync<TableEntity>(RecordKeys.ReceiptPartition(shipperId), RecordKeys.ReceiptRow(name), cancellationToken);

    private async Task<Receipt?> ReadAsync(TableEntity entity, string shipperId, string name, CancellationToken cancellationToken)
    {
        var json = LargeText.Read(entity, "Receipt");
        if (json is null)
        {
            var content = await _container.GetBlobClient(ReceiptBlobName(shipperId, name)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            json = content.Value.Content.ToString();
        }

        return JsonSerializer.Deserialize<Receipt>(json, ResultJson.Options);
    }
}

/// <summary>What a receipt row says about completion: the upload (unquoted ETag) it was written for, and its status.</summary>
public sealed record ReceiptState(string? UploadETag, ReceiptStatus Status);
