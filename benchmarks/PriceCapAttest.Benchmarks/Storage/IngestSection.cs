using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Testing;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// Ingest vs raw storage, a measured harness (Stopwatch, warm-up, several runs, median): on an in-memory Azurite
/// started here, documents already uploaded are (a) ingested by <see cref="AttestationIngestService"/> called
/// directly, (b) handled by a raw baseline that downloads each blob and writes one table entity with the SDK and
/// (c) handled by the <see cref="MinimumDataFlow"/> (the ceiling), all with the same bounded parallelism. Then, on
/// a second Azurite, the local host's blob trigger: docs/s and latency from upload to receipt.
/// </summary>
public static class IngestSection
{

    public static async Task<(double Service, double Raw, double Ceiling)> RunDirectAsync(HarnessOptions options, MarkdownReport report)
    {
        var direct = await DirectAsync(options).ConfigureAwait(false);
        report.Section("Ingest vs raw storage (measured harness, Azurite)",
            $"Measured harness, not BenchmarkDotNet (one invocation is thousands of storage calls). Azurite {AzuriteVersion(options)} in memory, " +
            $"started by the harness on free ports. {options.IngestDocuments:N0} single-attestation JSON documents (the CIF document of the " +
            "check section, one in ten violating, 500 vessels) are uploaded first; then (a) `AttestationIngestService.IngestAsync` is called " +
            $"directly for each (the real services: records, indexes, receipts, idempotency rows, the queue alert publisher), (b) the raw " +
            "baseline downloads each blob and writes one table entity (`AddEntityAsync`, no logic) and (c) the design minimum (below) " +
            $"handles each, all with `Parallel.ForEachAsync` at P = {options.Parallelism}. One warm-up of 100 documents each, then " +
            $"{options.IngestRuns} run(s) on fresh uploads, each run starting with another side; the median is reported.");
        IReadOnlyList<string> Row(string name, SideFigures side) =>
        [
            name, MarkdownReport.Number(side.Median), string.Join(", ", side.Runs.Select(r => MarkdownReport.Number(r))),
            MarkdownReport.Number(side.RequestsPerDocument, "N1"), CpuText(side.CpuMsMedian),
            ReferenceEquals(side, direct.Raw) ? "1.00x (floor)" : MarkdownReport.Ratio(side.Median / direct.Raw.Median),
        ];
        report.Table(["Side", "documents / s (median)", "runs (documents / s)", "requests / document", "emulator CPU / document", "ratio to raw"],
        [
            Row("raw: download + 1 entity (floor)", direct.Raw),
            Row("`AttestationIngestService` direct", direct.Service),
            Row("design minimum: download + 1 transaction + receipt blob (ceiling)", direct.Minimum),
        ]);
        report.Note("Requests per document are counted on the client. Emulator CPU per document is Azurite's process CPU time " +
                    "(user + system, /proc) over a run divided by its documents, median of the runs: Azurite serves its requests on one " +
                    "Node.js thread, so when that thread is busy its CPU per document sets a side's throughput.");
        report.Note("The design minimum is the least storage work of any implementation of the design's data flow for these " +
                    "one-attestation documents, with no logic: read the document, commit its results in one table transaction (the rows " +
                    "the ingest service wrote for a real document, copied and re-keyed), write the shipper's receipt blob (a copy of a real " +
                    "receipt); no check, no idempotency row, no vessel index, no receipt row. Its ratio to raw is the most any ingest " +
                    "service reaches on this storage.");
        report.Note($"Where the ingest service's storage time goes (last run, {options.IngestDocuments:N0} documents; time per request as the client saw it, queueing at P = {options.Parallelism} included):");
        report.Table(["Request", "count", "mean ms"], KindRows(direct.ServiceKinds));
        return (direct.Service.Median, direct.Raw.Median, direct.Minimum.Median / direct.Raw.Median);
    }

    private static IEnumerable<IReadOnlyList<string>> KindRows(IReadOnlyList<(string Kind, long Count, double MeanMs)> kinds) =>
        kinds.Take(12).Select(k => (IReadOnlyList<string>)
            [$"`{k.Kind}`", k.Count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), MarkdownReport.Number(k.MeanMs, "N2")]);

    private static string CpuText(double? ms) => ms is { } value ? MarkdownReport.Number(value, "N2") + " ms" : "n/a (no /proc)";

    public static async Task<TriggerFigures> RunTriggerAsync(HarnessOptions options, MarkdownReport report)
    {
        var trigger = await TriggerAsync(options).ConfigureAwait(false);

        report.Section("Ingest through the local host's blob trigger",
            "The local host (`PriceCapAttest.LocalHost.dll`, WebJobs polling blob trigger, repository host.json) runs as a child process " +
            "against its own in-memory Azurite. Latency is from the end of the upload (harness clock) to the receipt row's Timestamp " +
            "(Azurite's clock, the same machine). Paced: one upload every 200 ms, so the figure is the trigger's reaction time; " +
            "burst: all uploaded at once, docs/s (of those with a receipt) from the first upload to the last receipt. \"No receipt\": documents " +
            "the trigger had not processed a minute (smoke run: 45 s) after the last receipt appeared (the polling blob scanner can miss a blob uploaded in " +
            "the same second as a scan on Azurite, whose Last-Modified has one-second resolution and which has no blob logs).");
        report.Table(["Run", "documents", "no receipt", "documents / s", "p50 upload → receipt", "p95 upload → receipt"],
        [
            ["paced (1 per 200 ms)", trigger.PacedCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), trigger.PacedMissed.ToString(System.Globalization.CultureInfo.InvariantCulture), "n/a (paced)",
                MarkdownReport.Number(trigger.PacedP50, "N0") + " ms", MarkdownReport.Number(trigger.PacedP95, "N0") + " ms"],
            ["burst", trigger.BurstCount.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), trigger.BurstMissed.ToString(System.Globalization.CultureInfo.InvariantCulture), MarkdownReport.Number(trigger.BurstDocsPerSecond, "N1"),
                MarkdownReport.Number(trigger.BurstP50, "N0") + " ms", MarkdownReport.Number(trigger.BurstP95, "N0") + " ms"],
        ]);

        return trigger;
    }

    private sealed record DirectFigures(SideFigures Service, SideFigures Raw, SideFigures Minimum, IReadOnlyList<(string Kind, long Count, double MeanMs)> ServiceKinds);

    /// <summary>One side's documents/s and emulator CPU per document in each run, and requests per document.</summary>
    private sealed record SideFigures(List<double> Runs, List<double> CpuMs, double RequestsPerDocument)
    {
        public double Median => Stats.Median(Runs);

        public double? CpuMsMedian => CpuMs.Count == Runs.Count && CpuMs.Count > 0 ? Stats.Median(CpuMs) : null;
    }

    private static async Task<DirectFigures> DirectAsync(HarnessOptions options)
    {
        await using var azurite = await AzuriteProcess.RunAsync().ConfigureAwait(false);
        var serviceCounter = new RequestCounter();
        await using var provider = await PipelineServices.CreateAsync(azurite.ConnectionString, options.Parallelism, serviceCounter).ConfigureAwait(false);
        var ingest = provider.GetRequiredService<AttestationIngestService>();
        var counter = new RequestCounter();
        var rawBlobs = new BlobServiceClient(azurite.ConnectionString, counter.Add(new BlobClientOptions()));
        var rawTables = new TableServiceClient(azurite.ConnectionString, counter.Add(new TableClientOptions()));
        var container = rawBlobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
        var minimumCounter = new RequestCounter();
        var minimumBlobs = new BlobServiceClient(azurite.ConnectionString, minimumCounter.Add(new BlobClientOptions()));
        var minimumTables = new TableServiceClient(azurite.ConnectionString, minimumCounter.Add(new TableClientOptions()));

        Console.WriteLine("[ingest] warm-up");
        var warm = await UploadAsync(container, "warm-up", 100, options.Parallelism).ConfigureAwait(false);
        await ServiceAsync(ingest, warm, options.Parallelism).ConfigureAwait(false);
        await RawAsync(rawBlobs, rawTables, "RawWarmUp", warm, options.Parallelism).ConfigureAwait(false);
        var minimum = await MinimumDataFlow.FromIngestedAsync(minimumBlobs, minimumTables, "warm-up",
            $"warm-up-{SampleDocuments.AttestationId(0)}", warm[0]["warm-up/".Length..]).ConfigureAwait(false);
        await minimum.RunAsync(warm, "warm-up", options.Parallelism).ConfigureAwait(false);

        var sides = new (string Name, RequestCounter Counter, List<double> Runs, List<double> Cpu, Func<List<string>, int, Task<double>> Measure)[]
        {
            ("service", serviceCounter, [], [], (names, _) => ServiceAsync(ingest, names, options.Parallelism)),
            ("raw", counter, [], [], (names, run) => RawAsync(rawBlobs, rawTables, $"RawRun{run}", names, options.Parallelism)),
            ("minimum", minimumCounter, [], [], (names, run) => minimum.RunAsync(names, $"run{run}", options.Parallelism)),
        };
        var requests = new double[sides.Length];
        for (var run = 0; run < options.IngestRuns; run++)
        {
            var names = await UploadAsync(container, $"bench-{run}", options.IngestDocuments, options.Parallelism).ConfigureAwait(false);
            // Each run starts with another side, so no side always finds the emulator's tables the fullest.
            for (var turn = 0; turn < sides.Length; turn++)
            {
                var index = (run + turn) % sides.Length;
                var side = sides[index];
                side.Counter.ResetKinds();
                var cpuBefore = ProcessCpu.Of(azurite);
                var seconds = await side.Measure(names, run).ConfigureAwait(false);
                side.Runs.Add(names.Count / seconds);
                requests[index] = side.Counter.Kinds().Where(k => !k.Kind.EndsWith(" Tables", StringComparison.Ordinal)).Sum(k => k.Count) / (double)names.Count;
                if (CpuMsPerDocument(cpuBefore, ProcessCpu.Of(azurite), names.Count) is { } cpu)
                {
                    side.Cpu.Add(cpu);
                }
            }

            Console.WriteLine($"[ingest] run {run + 1}: " + string.Join(", ", sides.Select(s => $"{s.Name} {s.Runs[^1]:N0} docs/s")));
        }

        SideFigures Figures(int i) => new(sides[i].Runs, sides[i].Cpu, requests[i]);
        return new DirectFigures(Figures(0), Figures(1), Figures(2), serviceCounter.Kinds());
    }

    private static double? CpuMsPerDocument(TimeSpan? before, TimeSpan? after, int documents) =>
        before is { } start && after is { } end ? (end - start).TotalMilliseconds / documents : null;

    public static async Task<List<string>> UploadAsync(BlobContainerClient container, string shipper, int count, int parallelism, Action<int, DateTimeOffset>? uploaded = null)
    {
        var names = Enumerable.Range(0, count).Select(i => $"{shipper}/doc-{i:D6}.json").ToList();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(parallelism, 8) }, async (i, ct) =>
        {
            var content = SampleDocuments.JsonBytes($"{shipper}-{SampleDocuments.AttestationId(i)}", SampleDocuments.Imo(i % 500),
                i % 10 == 9 ? SampleDocuments.ViolatingPrice : SampleDocuments.CompliantPrice);
            await container.GetBlobClient(names[i]).UploadAsync(new BinaryData(content), overwrite: true, ct).ConfigureAwait(false);
            uploaded?.Invoke(i, DateTimeOffset.UtcNow);
        }).ConfigureAwait(false);
        return names;
    }

    private static async Task<double> ServiceAsync(AttestationIngestService ingest, List<string> names, int parallelism)
    {
        var processed = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, ct) =>
        {
            var outcome = await ingest.IngestAsync(StorageNames.Containers.Attestations, name, ct).ConfigureAwait(false);
            if (outcome.Receipt.Status == ReceiptStatus.Processed)
            {
                Interlocked.Increment(ref processed);
            }
        }).ConfigureAwait(false);
        clock.Stop();
        if (processed != names.Count)
        {
            throw new InvalidOperationException($"Only {processed} of {names.Count} documents were processed by the ingest service.");
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> RawAsync(BlobServiceClient blobs, TableServiceClient tables, string tableName, List<string> names, int parallelism)
    {
        var container = blobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
        var table = tables.GetTableClient(tableName);
        await table.CreateIfNotExistsAsync().ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (name, ct) =>
        {
            var content = (await container.GetBlobClient(name).DownloadContentAsync(ct).ConfigureAwait(false)).Value.Content;
            var slash = name.IndexOf('/', StringComparison.Ordinal);
            await table.AddEntityAsync(new TableEntity(name[..slash], name[(slash + 1)..]) { ["Bytes"] = content.ToMemory().Length }, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);
        clock.Stop();
        return clock.Elapsed.TotalSeconds;
    }

    public sealed record TriggerFigures(int PacedCount, int PacedMissed, double PacedP50, double PacedP95, int BurstCount, int BurstMissed, double BurstDocsPerSecond, double BurstP50, double BurstP95);

    private static async Task<TriggerFigures> TriggerAsync(HarnessOptions options)
    {
        await using var azurite = await AzuriteProcess.RunAsync().ConfigureAwait(false);
        var dll = options.ProgramPath("src/PriceCapAttest.LocalHost", "PriceCapAttest.LocalHost");
        await using var host = await BenchLocalHost.StartAsync(dll, azurite.ConnectionString).ConfigureAwait(false);
        var blobs = new BlobServiceClient(azurite.ConnectionString);
        var container = blobs.GetBlobContainerClient(StorageNames.Containers.Attestations);
        var receipts = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.Tables.Receipts);

        // Longer than the local host's sweep can take to pick up a blob the polling scanner missed (every 15 s, uploads
        // older than 10 s, then the ingest itself), so a missed blob is waited for, not counted as lost.
        var stall = options.Smoke ? TimeSpan.FromSeconds(45) : TimeSpan.FromMinutes(1);
        Console.WriteLine("[trigger] warm-up");
        var warmTimes = new DateTimeOffset[5];
        await UploadAsync(container, "warm-up", 5, 1, (i, t) => warmTimes[i] = t).ConfigureAwait(false);
        await WaitForReceiptsAsync(receipts, "warm-up", 5, stall).ConfigureAwait(false);

        Console.WriteLine("[trigger] paced");
        var pacedCount = options.TriggerPacedDocuments;
        var pacedTimes = new DateTimeOffset[pacedCount];
        for (var i = 0; i < pacedCount; i++)
        {
            var started = Stopwatch.StartNew();
            var content = SampleDocuments.JsonBytes($"paced-{SampleDocuments.AttestationId(i)}", SampleDocuments.Imo(i % 500));
            await container.GetBlobClient($"paced/doc-{i:D6}.json").UploadAsync(new BinaryData(content), overwrite: true).ConfigureAwait(false);
            pacedTimes[i] = DateTimeOffset.UtcNow;
            var wait = TimeSpan.FromMilliseconds(200) - started.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait).ConfigureAwait(false);
            }
        }

        var pacedReceipts = await WaitForReceiptsAsync(receipts, "paced", pacedCount, stall).ConfigureAwait(false);
        var paced = Latencies(pacedReceipts, pacedTimes);

        Console.WriteLine("[trigger] burst");
        var burstCount = options.TriggerDocuments;
        var burstTimes = new DateTimeOffset[burstCount];
        var first = DateTimeOffset.UtcNow;
        await UploadAsync(container, "burst", burstCount, options.Parallelism, (i, t) => burstTimes[i] = t).ConfigureAwait(false);
        var burstReceipts = await WaitForReceiptsAsync(receipts, "burst", burstCount, stall).ConfigureAwait(false);
        var burstPerSecond = burstReceipts.Count == 0 ? double.NaN : burstReceipts.Count / (burstReceipts.Values.Max() - first).TotalSeconds;
        var burst = Latencies(burstReceipts, burstTimes);
        return new TriggerFigures(pacedCount, pacedCount - pacedReceipts.Count, Stats.Percentile(paced, 50), Stats.Percentile(paced, 95),
            burstCount, burstCount - burstReceipts.Count, burstPerSecond, Stats.Percentile(burst, 50), Stats.Percentile(burst, 95));
    }

    private static List<double> Latencies(Dictionary<int, DateTimeOffset> receipts, DateTimeOffset[] uploaded) =>
        [.. receipts.Select(r => (r.Value - uploaded[r.Key]).TotalMilliseconds)];

    /// <summary>
    /// Polls the shipper's receipts (one partition) until all are there, or until none has been added for
    /// <paramref name="stallLimit"/> (the trigger may miss a blob: the report then says how many); returns each
    /// document's receipt time.
    /// </summary>
    private static async Task<Dictionary<int, DateTimeOffset>> WaitForReceiptsAsync(TableClient receipts, string shipper, int count, TimeSpan stallLimit)
    {
        var partition = RecordKeys.ReceiptPartition(shipper);
        var stalled = Stopwatch.StartNew();
        var seen = 0;
        while (true)
        {
            var found = new Dictionary<int, DateTimeOffset>();
            await foreach (var entity in receipts.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ConfigureAwait(false))
            {
                var name = entity.GetString("Name") ?? "";
                if (name.StartsWith("doc-", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4, 6), System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    found[index] = entity.Timestamp ?? DateTimeOffset.UtcNow;
                }
            }

            if (found.Count >= count)
            {
                return found;
            }

            if (found.Count > seen)
            {
                seen = found.Count;
                stalled.Restart();
            }
            else if (stalled.Elapsed > stallLimit)
            {
                var missing = Enumerable.Range(0, count).Where(i => !found.ContainsKey(i)).Take(10);
                Console.WriteLine($"[trigger] {shipper}: {count - found.Count} of {count} documents got no receipt within {stallLimit.TotalSeconds:N0} s of the last one " +
                                  $"(for example doc-{string.Join(", doc-", missing.Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)))})");
                return found;
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }

    private static string AzuriteVersion(HarnessOptions options)
    {
        try
        {
            var json = File.ReadAllText(Path.Combine(options.RepositoryRoot, "node_modules", "azurite", "package.json"));
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.GetProperty("version").GetString() ?? "";
        }
        catch (IOException)
        {
            return "";
        }
    }
}
