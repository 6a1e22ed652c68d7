using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Tests.Alerts;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>
/// No silent loss: the storage emulator is stopped in the middle of a 200-document upload and ingest and started
/// again (same ports, data kept on disk). Ingest calls that fail meanwhile throw, and are invoked again the way the
/// host re-delivers a blob trigger, until they succeed. Then the alerts are dispatched to a real receiver.
/// </summary>
public sealed class StorageOutage(Emulator emulator, ITestOutputHelper output) : IClassFixture<Emulator>
{
    private const int DocumentCount = 200;
    private const int Workers = 6;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task Every_Document_Of_An_Interrupted_Upload_Gets_One_Record_One_Receipt_And_Its_Alerts_Once()
    {
        var secret = PipelineUnderTest.NewSecret();
        await using var receiver = await WebhookReceiver.StartAsync(secret);
        var routes = new Dictionary<string, string> { ["EU"] = receiver.Inbox("eu", _ => 200), ["GB"] = receiver.Inbox("gb", _ => 200) };
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator, PipelineUnderTest.AlertSettings(routes), secret: secret);
        var shipper = PipelineUnderTest.NewShipper();
        // Every third document breaks the EU and GB caps: 67 violations, 134 alerts.
        var documents = Enumerable.Range(0, DocumentCount).Select(i =>
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"ATT-OUT-{i:000}");
            var violation = i % 3 == 0;
            var name = id + (i % 2 == 0 ? ".json" : ".csv");
            var content = i % 2 == 0 ? Documents.Json(id, violation ? 46.00m : 42.10m) : Documents.Csv(id, violation ? 46.00m : 42.10m);
            return (Id: id, Name: name, Content: content, Violation: violation);
        }).ToList();
        var queuedBefore = await pipeline.QueuedAlertCountAsync();

        var uploaded = new BlockingCollection<string>();
        var failures = new ConcurrentBag<string>();
        var ingested = 0;

        // The shipper: uploads one by one, retrying an upload that failed (as `pricecap submit` users would).
        var uploader = Task.Run(async () =>
        {
            foreach (var document in documents)
            {
                await UntilSuccessAsync(() => pipeline.UploadAsync(shipper, document.Name, document.Content), failures, "upload");
                uploaded.Add(document.Name);
            }

            uploaded.CompleteAdding();
        });

        // The host: each uploaded blob is ingested, re-invoked while it throws.
        var ingesters = Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            foreach (var name in uploaded.GetConsumingEnumerable())
            {
                await UntilSuccessAsync(() => pipeline.Ingest.IngestAsync(pipeline.Document(shipper, name), CancellationToken.None), failures, "ingest");
                Interlocked.Increment(ref ingested);
            }
        })).ToArray();

        // The outage, once a third of the documents are in.
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref ingested) < DocumentCount / 3)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), "the ingest made no progress before the outage");
            await Task.Delay(20);
        }

        var atStop = Volatile.Read(ref ingested);
        await emulator.StopAsync();
        await Task.Delay(Outage);
        await emulator.StartAsync();
        output.WriteLine($"Emulator stopped after {atStop} documents for {Outage.TotalSeconds} s.");

        await uploader.WaitAsync(TimeSpan.FromMinutes(3));
        await Task.WhenAll(ingesters).WaitAsync(TimeSpan.FromMinutes(3));
        output.WriteLine($"{failures.Count} calls failed during the outage and were repeated; first: {failures.FirstOrDefault()}");
        Assert.Contains(failures, f => f.StartsWith("ingest", StringComparison.Ordinal));
        Assert.True(atStop < DocumentCount, "the outage came after the last document");

        // Every document: one receipt, Processed, its attestation recorded once.
        foreach (var document in documents)
        {
            var receipt = await pipeline.Receipts.GetAsync(shipper, document.Name, CancellationToken.None);
            Assert.True(receipt is not null, $"no receipt for {document.Name}");
            Assert.Equal(ReceiptStatus.Processed, receipt.Status);
            var item = Assert.Single(receipt.Attestations);
            Assert.Equal(document.Id, item.AttestationId);
            Assert.Equal(1, item.Record!.Version);
            Assert.Equal((1, 1), await pipeline.Records.GetPointerAsync(shipper, document.Id, CancellationToken.None));
            var rows = await pipeline.AlertRowsAsync(shipper, document.Id);
            Assert.Equal(document.Violation ? ["EU", "GB"] : [], rows.Select(r => r.Regime).Order().ToArray());
        }

        var receiptBlobs = new List<string>();
        await foreach (var blob in pipeline.Blobs.GetBlobContainerClient("attestation-receipts").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, shipper + "/", CancellationToken.None))
            receiptBlobs.Add(blob.Name);
        Assert.Equal(DocumentCount, receiptBlobs.Count);

        // Each alert delivered once. A message may be queued twice when storage failed after the queue accepted it
        // but before the alert row was stamped (queue and table cannot change atomically): the dispatcher drops the copy.
        var expectedAlerts = documents.Count(d => d.Violation) * 2;
        var queued = await pipeline.QueuedAlertCountAsync() - queuedBefore;
        output.WriteLine($"{queued} alert messages queued for {expectedAlerts} alerts.");
        Assert.InRange(queued, expectedAlerts, expectedAlerts + failures.Count);
        var outcomes = await pipeline.RunAlertQueueAsync(consumers: 4, timeout: TimeSpan.FromMinutes(3));
        Assert.Equal(expectedAlerts, outcomes.Count(o => o == AlertDispatchOutcome.Delivered));
        Assert.Equal(queued - expectedAlerts, outcomes.Count(o => o is AlertDispatchOutcome.Duplicate or AlertDispatchOutcome.AlreadySettled));
        Assert.Equal(expectedAlerts, receiver.Received.Count);
        Assert.Equal(expectedAlerts, receiver.Received.Select(r => r.WebhookId).Distinct().Count());
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
    }

    private static async Task UntilSuccessAsync(Func<Task> action, ConcurrentBag<string> failures, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await action();
                return;
            }
#pragma warning disable CA1031 // The host re-delivers after any exception; so does this stand-in.
            catch (Exception e) when (clock.Elapsed < TimeSpan.FromMinutes(2))
#pragma warning restore CA1031
            {
                failures.Add($"{what}: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                await Task.Delay(200);
            }
        }
    }
}
