using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using PriceCapAttest.Benchmarks.Infrastructure;
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

    public sealed record BulkFigures(
        int Rows, double UploadSeconds, double Seconds, string ReceiptStatus, int ReceiptAttestations, long Requests,
        double IdleRequestsPerSecond, IReadOnlyList<(string Kind, long Count)> Kinds, int SweepStarts, int SweepLeftAlone,
        int CompletedIngests, int IngestionRows)
    {
        public double AttestationsPerSecond => Rows / Seconds;

        public double RequestsPerAttestation => (double)Requests / Rows;

        public bool SecondIngest => SweepStarts > 0 || CompletedIngests > 1;
    }

    public static async Task<BulkFigures> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        var figures = await MeasureAsync(options).ConfigureAwait(false);
        report.Section("Bulk CSV: one large upload to its receipt (local host)",
            $"A CSV of {figures.Rows:N0} valid attestations (the generator of the CSV section: distinct ids, loading dates over 18 days of " +
            "March 2026, 2,000 vessels, one in ten above the cap) is uploaded as one blob to `attestations/bulk/` of an in-memory Azurite " +
            "with the local host (`PriceCapAttest.LocalHost.dll`, repository host.json and appsettings: sweep every 15 s for uploads older " +
            "than 10 s) running as a child process. Time is from the start of the upload until `GET /api/receipts/attestations/bulk/{file}` " +
            "(insurer key, polled every 250 ms) answers the receipt. Requests are every request Azurite logged in that window (its " +
            "`--debug` log, one line per request, from every client: the host's ingest, its alert dispatch, blob scanner, queue polling and " +
            "sweep); the debug log costs the emulator some time of its own, so the time is, if anything, on the slow side.");
        report.Table(["rows", "upload", "upload → receipt", "attestations / s", "requests", "requests / attestation", "receipt"],
        [[
            figures.Rows.ToString("N0", CultureInfo.InvariantCulture),
            MarkdownReport.Number(figures.UploadSeconds, "N2") + " s",
            MarkdownReport.Number(figures.Seconds, "N1") + " s",
            MarkdownReport.Number(figures.AttestationsPerSecond, "N1"),
            figures.Requests.ToString("N0", CultureInfo.InvariantCulture),
            MarkdownReport.Number(figures.RequestsPerAttestation, "N2"),
            $"{figures.ReceiptStatus}, {figures.ReceiptAttestations:N0} attestations",
        ]]);
        report.Note($"Background while idle (before the upload, 5 s): {MarkdownReport.Number(figures.IdleRequestsPerSecond, "N1")} requests/s " +
                    $"(about {MarkdownReport.Number(figures.IdleRequestsPerSecond * figures.Seconds)} of the window's requests).");
        report.Note($"Missed-upload sweep during the run: {figures.SweepStarts} second ingest(s) started (host log \"{SweepStarted}\"), " +
                    $"{figures.SweepLeftAlone} sweep(s) that left the in-flight ingest alone; {figures.CompletedIngests} completed ingest(s) " +
                    $"of the blob (host log \"Ingested ...\"), {figures.IngestionRows} Ingestions row(s).");
        report.Note("Where the requests went (Azurite's debug log, the upload-to-receipt window):");
        report.Table(["Request", "count", "per attestation"], figures.Kinds.Take(14).Select(k => (IReadOnlyList<string>)
            [$"`{k.Kind}`", k.Count.ToString("N0", CultureInfo.InvariantCulture), MarkdownReport.Number((double)k.Count / figures.Rows, "N2")]));
        return figures;
    }

    private static async Task<BulkFigures> MeasureAsync(HarnessOptions options)
    {
        var rows = options.BulkRows;
        var name = $"attestations-{rows}.csv";
        var blobPath = $"{StorageNames.Containers.Attestations}/{Shipper}/{name}";
        var csv = Path.Combine(options.WorkDirectory, name);
        SampleDocuments.WriteCsv(csv, rows);

        var log = new AzuriteRequestLog(Path.Combine(options.WorkDirectory, "bulk-azurite-debug.log"));
        await using var azurite = await AzuriteProcess.StartAsync(options.RepositoryRoot, log.Path).ConfigureAwait(false);
        var dll = options.ProgramPath("src/PriceCapAttest.LocalHost", "PriceCapAttest.LocalHost");
        var completed = $"Ingested {blobPath}:";
        await using var host = await LocalHostProcess.StartAsync(dll, azurite.ConnectionString,
            new Dictionary<string, string> { ["Logging__LogLevel__PriceCapAttest.Pipeline.Ingest"] = "Information" },
            [SweepStarted, SweepLeftAlone, completed]).ConfigureAwait(false);
        using var api = host.CreateClient();

        Console.WriteLine("[bulk] idle background");
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        var idleFrom = log.Offset;
        await Task.Delay(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        var idle = log.Kinds(idleFrom, log.Offset).Sum(k => k.Count) / 5.0;

        Console.WriteLine($"[bulk] {rows:N0} rows ({new FileInfo(csv).Length / 1048576.0:N1} MiB): upload");
        var blob = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{Shipper}/{name}");
        var from = log.Offset;
        var clock = Stopwatch.StartNew();
        await blob.UploadAsync(csv, overwrite: true).ConfigureAwait(false);
        var uploadSeconds = clock.Elapsed.TotalSeconds;
        var receipt = await WaitForReceiptAsync(api, $"api/receipts/{blobPath}", options.Smoke ? TimeSpan.FromMinutes(3) : TimeSpan.FromMinutes(10)).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var to = log.Offset;
        Console.WriteLine($"[bulk] receipt after {seconds:N1} s");

        await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false); // the host's last log lines
        var kinds = log.Kinds(from, to);
        var ingestions = new TableServiceClient(azurite.ConnectionString).GetTableClient(StorageNames.Tables.Ingestions);
        var partition = RecordKeys.IngestionPartition(blobPath);
        var ingestionRows = 0;
        await foreach (var _ in ingestions.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}")).ConfigureAwait(false))
        {
            ingestionRows++;
        }

        return new BulkFigures(rows, uploadSeconds, seconds, receipt.Status, receipt.Attestations, kinds.Sum(k => k.Count), idle, kinds,
            host.LinesContaining(SweepStarted), host.LinesContaining(SweepLeftAlone), host.LinesContaining(completed), ingestionRows);
    }

    private static async Task<(string Status, int Attestations)> WaitForReceiptAsync(HttpClient api, string route, TimeSpan limit)
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
