using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Testing;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// One large CSV through the local host, as a shipper sends it: the CSV of the csv section (valid attestations,
/// distinct ids, one in ten violating) uploaded as one blob to <c>attestations/bulk/</c>, timed from the start of
/// the upload until the API answers its receipt. Requests are counted from Azurite's debug log, since the local host
/// is a child process; the host's log lines tell whether the missed-upload sweep started a second ingest meanwhile.
/// </summary>
public static class BulkSection
{
    public const string Shipper = "bulk";
    public const double TargetSeconds = 30;
    private const string SweepStarted = "had not been ingested by the blob trigger";
    private const string SweepLeftAlone = "the sweep leaves the in-flight ingest alone";

    /// <summary>One upload to receipt; <see cref="Kinds"/> is empty for a run without the request log.</summary>
    public sealed record BulkRun(
        int Rows, double UploadSeconds, double Seconds, string ReceiptStatus, int ReceiptAttestations,
        double IdleRequestsPerSecond, IReadOnlyList<(string Kind, long Count)> Kinds, int SweepStarts, int SweepLeftAlone,
        int CompletedIngests, int IngestionRows)
    {
        public double AttestationsPerSecond => Rows / Seconds;

        public long Requests => Kinds.Sum(k => k.Count);

        public double RequestsPerAttestation => (double)Requests / Rows;

        public bool SecondIngest => SweepStarts > 0 || CompletedIngests > 1;
    }

    /// <summary>The timed run (plain emulator) and the counted run (emulator with its debug log on).</summary>
    public sealed record BulkFigures(BulkRun Timed, BulkRun Counted)
    {
        public int Rows => Timed.Rows;

        public double Seconds => Timed.Seconds;

        public double AttestationsPerSecond => Timed.AttestationsPerSecond;

        public double RequestsPerAttestation => Counted.RequestsPerAttestation;

        public int SweepStarts => Timed.SweepStarts + Counted.SweepStarts;

        public int SweepLeftAlone => Timed.SweepLeftAlone + Counted.SweepLeftAlone;

        public bool SecondIngest => Timed.SecondIngest || Counted.SecondIngest;
    }

    public static async Task<BulkFigures> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        var figures = new BulkFigures(
            await MeasureAsync(options, countRequests: false).ConfigureAwait(false),
            await MeasureAsync(options, countRequests: true).ConfigureAwait(false));
        var counted = figures.Counted;
        report.Section("Bulk CSV: one large upload to its receipt (local host)",
            $"A CSV of {figures.Rows:N0} valid attestations (the generator of the CSV section: distinct ids, loading dates over 18 days of " +
            "March 2026, 2,000 vessels, one in ten above the cap) is uploaded as one blob to `attestations/bulk/` of an in-memory Azurite " +
            "with the local host (`PriceCapAttest.LocalHost.dll`, repository host.json and appsettings: sweep every 15 s for uploads older " +
            "than 10 s, no alert routes) running as a child process. Time is from the start of the upload until " +
            "`GET /api/receipts/attestations/bulk/{file}` (operator key, polled every 250 ms) answers the receipt. Two runs, each on a fresh " +
            "emulator and host: the timed run on a plain emulator (its time is the acceptance figure), then the counted run with Azurite's " +
            "`--debug` log on, which records every request the emulator received from any client (the host's ingest, its alert dispatch, " +
            "blob scanner, queue polling and sweep: the host is a child process, so a client-side counter cannot see them); requests are " +
            "the log's request lines from the upload to the write of the receipt row, the ingest's last request, in the order Azurite handled " +
            "them (its time stamps trail the work when the log is busy). The debug log slows the emulator, so the counted run is usually slower.");
        IReadOnlyList<string> Row(string name, BulkRun run) =>
        [
            name, run.Rows.ToString("N0", CultureInfo.InvariantCulture), MarkdownReport.Number(run.UploadSeconds, "N2") + " s",
            MarkdownReport.Number(run.Seconds, "N1") + " s", MarkdownReport.Number(run.AttestationsPerSecond, "N1"),
            run.Kinds.Count == 0 ? "not counted" : run.Requests.ToString("N0", CultureInfo.InvariantCulture),
            run.Kinds.Count == 0 ? "" : MarkdownReport.Number(run.RequestsPerAttestation, "N2"),
            $"{run.ReceiptStatus}, {run.ReceiptAttestations:N0} attestations",
        ];
        report.Table(["run", "rows", "upload", "upload → receipt", "attestations / s", "requests", "requests / attestation", "receipt"],
            [Row("timed (plain emulator)", figures.Timed), Row("counted (emulator debug log on)", counted)]);
        report.Note($"Background while idle (before the upload, 5 s, counted run): {MarkdownReport.Number(counted.IdleRequestsPerSecond, "N1")} requests/s " +
                    $"(about {MarkdownReport.Number(counted.IdleRequestsPerSecond * counted.Seconds)} of the window's requests).");
        report.Note($"Missed-upload sweep during the two runs: {figures.SweepStarts} second ingest(s) started (host log \"{SweepStarted}\"), " +
                    $"{figures.SweepLeftAlone} sweep(s) that left the in-flight ingest alone; completed ingests of the blob (host log \"Ingested ...\"): " +
                    $"{figures.Timed.CompletedIngests} and {counted.CompletedIngests}; Ingestions rows: {figures.Timed.IngestionRows} and {counted.IngestionRows}.");
        report.Note("Where the requests went (counted run, upload to receipt):");
        report.Table(["Request", "count", "per attestation"], counted.Kinds.Take(16).Select(k => (IReadOnlyList<string>)
            [$"`{k.Kind}`", k.Count.ToString("N0", CultureInfo.InvariantCulture), MarkdownReport.Number((double)k.Count / counted.Rows, "N2")]));
        return figures;
    }

    private static async Task<BulkRun> MeasureAsync(HarnessOptions options, bool countRequests)
    {
        var rows = options.BulkRows;
        var name = $"attestations-{rows}.csv";
        var blobPath = $"{StorageNames.Containers.Attestations}/{Shipper}/{name}";
        var csv = Path.Combine(options.WorkDirectory, name);
        SampleDocuments.WriteCsv(csv, rows);

        var log = countRequests ? new AzuriteRequestLog(Path.Combine(options.WorkDirectory, "bulk-azurite-debug.log")) : null;
        await using var azurite = await AzuriteProcess.RunAsync(new AzuriteOptions { DebugLogPath = log?.Path }).ConfigureAwait(false);
        var dll = options.ProgramPath("src/PriceCapAttest.LocalHost", "PriceCapAttest.LocalHost");
        var completed = $"Ingested {blobPath}:";
        await using var host = await BenchLocalHost.StartAsync(dll, azurite.ConnectionString,
            new Dictionary<string, string> { ["Logging__LogLevel__PriceCapAttest.Pipeline.Ingest"] = "Information" },
            [SweepStarted, SweepLeftAlone, completed]).ConfigureAwait(false);
        using var api = host.CreateClient();

        var run = countRequests ? "counted" : "timed";
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var idleFrom = log?.Offset ?? 0;
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var idleUntil = DateTimeOffset.UtcNow;

        Console.WriteLine($"[bulk] {run} run: {rows:N0} rows ({new FileInfo(csv).Length / 1048576.0:N1} MiB)");
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{Shipper}/{name}");
        var from = log?.Offset ?? 0;
        var clock = Stopwatch.StartNew();
        await blob.UploadAsync(csv, overwrite: true).ConfigureAwait(false);
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        var receipt = await WaitForReceiptAsync(api, $"api/receipts/{blobPath}", options.Smoke ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var receiptAt = DateTimeOffset.UtcNow;
        Console.WriteLine($"[bulk] {run} run: receipt after {seconds:N1} s");

        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false); // the host's last log lines
        IReadOnlyList<(string Kind, long Count)> kinds = [];
        var idle = 0.0;
        if (log is not null)
        {
            // The debug log of 10,000 rows' transactions (their bodies included) lags the work by tens of seconds.
            await log.WaitForQuietAsync(TimeSpan.FromMinutes(3)).ConfigureAwait(false);
            kinds = log.KindsThrough(from, "PUT Receipts (point)", receiptAt);
            idle = log.Kinds(idleFrom, idleUntil).Sum(k => k.Count) / 5.0;
        }

        var ingestions = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.Tables.Ingestions);
        var partition = RecordKeys.IngestionPartition(blobPath);
        var ingestionRows = 0;
        await foreach (var _ in ingestions.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ConfigureAwait(false))
        {
            ingestionRows++;
        }

        return new BulkRun(rows, uploadSeconds, seconds, receipt.Status, receipt.Attestations, idle, kinds,
            host.LinesContaining(SweepStarted), host.LinesContaining(SweepLeftAlone), host.LinesContaining(completed), ingestionRows);
    }

    /// <summary>Polls the API's receipt route every 250 ms until it answers 200 (the status and number of attestations).</summary>
    internal static async Task<(string Status, int Attestations)> WaitForReceiptAsync(HttpClient api, string route, TimeSpan limit)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            using (var response = await api.GetAsync(new Uri(route, UriKind.Relative)).ConfigureAwait(false))
            {
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    using var document = JsonDocument.Parse(await response.Content.ReadAsStreamAsync().ConfigureAwait(false));
                    var root = document.RootElement;
                    return (root.GetProperty("status").GetString() ?? "", root.GetProperty("attestations").GetArrayLength());
                }

                if (response.StatusCode != HttpStatusCode.NotFound)
                {
                    throw new InvalidOperationException($"GET {route} answered {(int)response.StatusCode}.");
                }
            }

            if (waited.Elapsed > limit)
            {
                throw new TimeoutException($"No receipt at {route} after {limit.TotalMinutes:N0} minutes.");
            }

            await Task.Delay(250).ConfigureAwait(false);
        }
    }
}
