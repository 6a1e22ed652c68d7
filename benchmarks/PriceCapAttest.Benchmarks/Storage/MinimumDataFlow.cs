using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// The least storage work any implementation of the design's data flow does for a one-attestation document, with
/// no logic: read the document, commit its results in one table transaction (the rows the ingest service wrote
/// for a real document, copied and re-keyed), write the shipper's receipt blob (a copy of a real receipt). No
/// check, no idempotency row, no vessel index, no receipt row. Measured like the two other sides, its throughput
/// is the ceiling of the ingest service's on the same storage.
/// </summary>
public sealed class MinimumDataFlow
{
    private readonly BlobContainerClient _documents;
    private readonly BlobContainerClient _receipts;
    private readonly TableClient _attestations;
    private readonly IReadOnlyList<TableEntity> _rows;
    private readonly string _partition;
    private readonly string _sha256;
    private readonly BinaryData _receipt;

    private MinimumDataFlow(BlobServiceClient blobs, TableServiceClient tables, IReadOnlyList<TableEntity> rows, string partition, string sha256, BinaryData receipt)
    {
        _documents = blobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
        _receipts = blobs.GetBlobContainerClient(StorageNames.Containers.Receipts);
        _attestations = tables.GetTableClient(StorageNames.Tables.Attestations);
        _rows = rows;
        _partition = partition;
        _sha256 = sha256;
        _receipt = receipt;
    }

    /// <summary>Takes its rows and receipt from a document the ingest service has processed.</summary>
    public static async Task<MinimumDataFlow> FromIngestedAsync(
        BlobServiceClient blobs, TableServiceClient tables, string shipperId, string attestationId, string documentName)
    {
        var partition = RecordKeys.Attestation(shipperId, attestationId);
        var rows = new List<TableEntity>();
        await foreach (var row in tables.GetTableClient(StorageNames.Tables.Attestations)
                           .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var sha256 = rows.Select(row => row.GetString("Sha256")).FirstOrDefault(sha => sha is not null)
                     ?? throw new InvalidOperationException($"The ingest service wrote no version rows for {partition}.");
        var receipt = (await blobs.GetBlobContainerClient(StorageNames.Containers.Receipts)
            .GetBlobClient(ReceiptStore.ReceiptBlobName(shipperId, documentName)).DownloadContentAsync().ConfigureAwait(false)).Value.Content;
        return new MinimumDataFlow(blobs, tables, rows, partition, sha256, receipt);
    }

    /// <summary>Handles every document at the given parallelism; returns the seconds it took.</summary>
    public async Task<double> RunAsync(IReadOnlyList<string> names, string run, int parallelism)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, ct) =>
        {
            using (var download = (await _documents.GetBlobClient(name).DownloadStreamingAsync(cancellationToken: ct).ConfigureAwait(false)).Value)
            {
                await download.Content.CopyToAsync(Stream.Null, ct).ConfigureAwait(false);
            }

            // A partition and a content hash of its own per document, as distinct documents have.
            var partition = RecordKeys.Attestation("minimum", $"{run}|{name}");
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(partition)));
            var actions = _rows.Select(row => new TableTransactionAction(TableTransactionActionType.Add, Rekey(row, partition, sha256))).ToList();
            await _attestations.SubmitTransactionAsync(actions, ct).ConfigureAwait(false);

            await _receipts.GetBlobClient($"minimum/{run}/{name}.json").UploadAsync(_receipt,
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json; charset=utf-8" } }, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private TableEntity Rekey(TableEntity template, string partition, string sha256)
    {
        var copy = new TableEntity(partition,
            template.RowKey.Replace(_partition, partition, StringComparison.Ordinal).Replace(_sha256, sha256, StringComparison.Ordinal));
        foreach (var (name, value) in template)
        {
            if (name is not ("odata.etag" or "Timestamp" or "PartitionKey" or "RowKey"))
            {
                copy[name] = value;
            }
        }

        return copy;
    }
}
