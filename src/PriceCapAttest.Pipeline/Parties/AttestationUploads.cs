using System.Buffers;
using System.Globalization;
using System.Text;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Options;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// A shipper's upload through the API: checks the name, content type and size (<see cref="UploadRules"/>,
/// <see cref="IngestOptions.MaxDocumentBytes"/>) and stores the document at <c>attestations/{shipperId}/{name}</c>,
/// where the blob trigger ingests it as any upload. The shipper is the caller's, never the request's. An existing
/// name is overwritten: an amendment of the same document, which the pipeline versions.
/// </summary>
public sealed class AttestationUploads(BlobServiceClient blobs, IOptions<IngestOptions> options)
{
    /// <summary>Bodies up to this size are read into memory and uploaded in one request; larger ones go in blocks of this size.</summary>
    internal const int BlockBytes = 4 * 1024 * 1024;

    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
    private readonly long _limit = options.Value.MaxDocumentBytes;

    public async Task<UploadOutcome> UploadAsync(string shipperId, string name, string? contentType, Stream body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (UploadRules.CheckShipper(shipperId) is { } badShipper)
        {
            return UploadOutcome.Refused(badShipper);
        }

        var (format, badName) = UploadRules.CheckName(name);
        if (badName is not null)
        {
            return UploadOutcome.Refused(badName);
        }

        if (UploadRules.CheckContentType(contentType, format!.Value) is { } badType)
        {
            return UploadOutcome.Refused(badType, UploadRefusalKind.UnsupportedContentType);
        }

        var path = new DocumentPath(StorageNames.Containers.Attestations, shipperId, name);
        var headers = new BlobHttpHeaders { ContentType = UploadRules.ContentTypeOf(format.Value) };
        var blob = _container.GetBlockBlobClient(path.BlobName);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockBytes);
        try
        {
            var first = await FillAsync(body, buffer, (int)Math.Min(BlockBytes, _limit + 1), cancellationToken).ConfigureAwait(false);
            if (first == 0)
            {
                return UploadOutcome.Refused(new UploadRefusal("body", "The document is empty."));
            }

            if (first > _limit)
            {
                return TooLarge();
            }

            string etag;
            if (first < BlockBytes)
            {
                using var content = new MemoryStream(buffer, 0, first, writable: false);
                var uploaded = await blob.UploadAsync(content, new BlobUploadOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
                etag = uploaded.Value.ETag.ToString();
            }
            else
            {
                // Staged blocks stay uncommitted (invisible, and the previous version untouched) unless the whole body
                // is within the limit; the service discards uncommitted blocks of a refused body.
                var committed = await StageAndCommitAsync(blob, body, buffer, first, headers, cancellationToken).ConfigureAwait(false);
                if (committed is null)
                {
                    return TooLarge();
                }

                etag = committed;
            }

            return UploadOutcome.Stored(new UploadAccepted(shipperId, name, path.BlobPath, $"receipts/{shipperId}/{name}", etag));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task<string?> StageAndCommitAsync(
        BlockBlobClient blob, Stream body, byte[] buffer, int filled, BlobHttpHeaders headers, CancellationToken cancellationToken)
    {
        var blockIds = new List<string>();
        long total = 0;
        var batch = Guid.NewGuid().ToString("N");
        while (filled > 0)
        {
            total += filled;
            if (total > _limit)
            {
                return null;
            }

            var id = Convert.ToBase64String(Encoding.ASCII.GetBytes($"{batch}-{blockIds.Count.ToString("D6", CultureInfo.InvariantCulture)}"));
            using (var block = new MemoryStream(buffer, 0, filled, writable: false))
            {
                await blob.StageBlockAsync(id, block, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            blockIds.Add(id);
            // Never more than limit + 1 bytes are read in all.
            filled = await FillAsync(body, buffer, (int)Math.Min(BlockBytes, _limit + 1 - total), cancellationToken).ConfigureAwait(false);
        }

        var committed = await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions { HttpHeaders = headers }, cancellationToken).ConfigureAwait(false);
        return committed.Value.ETag.ToString();
    }

    private UploadOutcome TooLarge() => UploadOutcome.Refused(new UploadRefusal(
        "body", $"The document is larger than {_limit} bytes, the most accepted. Split it into smaller files."), UploadRefusalKind.TooLarge);

    /// <summary>Reads until <paramref name="count"/> bytes or the end of the body; the number read.</summary>
    private static async Task<int> FillAsync(Stream body, byte[] buffer, int count, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await body.ReadAsync(buffer.AsMemory(filled, count - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
