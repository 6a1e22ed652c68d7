using Azure.Storage.Blobs.Models;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Reliability.Tests.Corpus;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Input;

/// <summary>Every document of the bad-document corpus uploaded and ingested on Azurite: one receipt each, with its errors.</summary>
public sealed class CorpusThroughTheIngest(Emulator emulator, CorpusFixture corpus) : IClassFixture<Emulator>, IClassFixture<CorpusFixture>
{
    [Fact]
    public async Task Every_Bad_Document_Gets_Exactly_One_Rejected_Receipt_With_Errors()
    {
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator);
        var shipper = PipelineUnderTest.NewShipper();
        var problems = new List<string>();

        await Parallel.ForEachAsync(corpus.Documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (document, ct) =>
        {
            var blob = pipeline.Document(shipper, document.Name);
            await using (var file = File.OpenRead(document.Path))
                await blob.UploadAsync(file, overwrite: true, ct);
            var outcome = await pipeline.Ingest.IngestAsync(blob, ct);
            var receipt = await pipeline.Receipts.GetAsync(shipper, document.Name, ct);
            var problem = receipt is null ? "no receipt"
                : receipt.Status == ReceiptStatus.Failed ? "Failed: " + receipt.Error
                : document.Expect == Expectation.Rejected && receipt.Status != ReceiptStatus.Rejected ? $"receipt {receipt.Status}"
                : Verdicts.Problem(document, [.. receipt.Attestations.Select(a => (a.Verdict, a.Errors))]);
            if (outcome.Receipt.Status != receipt?.Status)
                problem ??= $"ingest answered {outcome.Receipt.Status}, receipt says {receipt?.Status}";
            if (problem is not null)
            {
                lock (problems)
                    problems.Add($"{document}: {problem}");
            }
        });

        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");

        // Exactly one receipt blob per document, and the raw documents all still there, unchanged in size.
        var receipts = new List<string>();
        await foreach (var item in pipeline.Blobs.GetBlobContainerClient(StorageNames.Containers.Receipts)
                           .GetBlobsAsync(BlobTraits.None, BlobStates.None, shipper + "/", CancellationToken.None))
        {
            receipts.Add(item.Name);
        }

        Assert.Equal(corpus.Documents.Select(d => $"{shipper}/{d.Name}.json").Order(), receipts.Order());
        var sizes = new Dictionary<string, long>();
        await foreach (var item in pipeline.Blobs.GetBlobContainerClient(StorageNames.Containers.Attestations)
                           .GetBlobsAsync(BlobTraits.None, BlobStates.None, shipper + "/", CancellationToken.None))
        {
            sizes[item.Name] = item.Properties.ContentLength ?? -1;
        }

        Assert.All(corpus.Documents, d => Assert.Equal(d.Length, sizes[$"{shipper}/{d.Name}"]));
        var large = await pipeline.Receipts.GetAsync(shipper, "json-50mb.json", CancellationToken.None);
        Assert.Equal(ErrorCodes.FileTooLarge, Assert.Single(Assert.Single(large!.Attestations).Errors).Code);
    }
}
