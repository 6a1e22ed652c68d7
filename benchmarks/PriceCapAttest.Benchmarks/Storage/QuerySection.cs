using System.Diagnostics;
using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Testing;
using PriceCapAttest.Benchmarks.Reporting;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// Query vs point read, a measured harness: attestations are seeded in entity-group batches into the tables the
/// ingest service writes (the rows are copies of those the service wrote for one ingested document, re-keyed, so
/// they are exactly what the API reads); then the API's by-id and by-vessel routes are called over HTTP through
/// the local host, interleaved with a raw TableClient point read of the same version row and a single-partition
/// query of the same vessel, one request at a time.
/// </summary>
public static class QuerySection
{
    public sealed record Figures(double ByIdApiP50, double ByIdRawP50, double ByVesselApiP50, double ByVesselRawP50);

    private const string TemplateShipper = "shipper-template";
    private const string TemplateId = "ATT-TEMPLATE-000001";
    private static readonly DateOnly LoadingDate = new(2026, 3, 10);

    public static async Task<Figures> RunAsync(HarnessOptions options, MarkdownReport report)
    {
        await using var azurite = await AzuriteProcess.RunAsync().ConfigureAwait(false);
        var tables = new TableServiceClient(azurite.ConnectionString);
        var seedSeconds = await SeedAsync(options, azurite.ConnectionString, tables).ConfigureAwait(false);

        var dll = options.ProgramPath("src/PriceCapAttest.LocalHost", "PriceCapAttest.LocalHost");
        await using var host = await BenchLocalHost.StartAsync(dll, azurite.ConnectionString).ConfigureAwait(false);
        using var http = host.CreateClient();
        var attestations = tables.GetTableClient(StorageNames.Tables.Attestations);
        var vessels = tables.GetTableClient(StorageNames.Tables.VesselIndex);
        var perVessel = options.QueryAttestations / options.QueryVessels;

        var samples = new Dictionary<string, List<double>> { ["id-api"] = [], ["id-raw"] = [], ["vessel-api"] = [], ["vessel-raw"] = [] };
        var random = new Random(20260310);
        var warmUp = Math.Max(20, options.QueryRequests / 10);
        Console.WriteLine($"[query] {warmUp} warm-up and {options.QueryRequests} measured requests of each kind");
        for (var i = 0; i < warmUp + options.QueryRequests; i++)
        {
            var n = random.Next(options.QueryAttestations);
            var (shipper, id, imo) = Keys(n, options.QueryVessels);
            var kinds = new (string Kind, Func<Task> Call)[]
            {
                ("id-api", () => GetAsync(http, $"api/attestations/{shipper}/{id}", id)),
                ("id-raw", () => attestations.GetEntityAsync<TableEntity>(RecordKeys.Attestation(shipper, id), RecordKeys.VersionRow(RecordKeys.Attestation(shipper, id), 1))),
                ("vessel-api", () => GetAsync(http, $"api/vessels/{imo}/attestations", imo)),
                ("vessel-raw", () => FirstPageAsync(vessels, imo, perVessel)),
            };

            // A different order each round, so drifts of the machine spread over all four.
            foreach (var (kind, call) in kinds.OrderBy(_ => random.Next()))
            {
                var clock = Stopwatch.StartNew();
                await call().ConfigureAwait(false);
                if (i >= warmUp)
                {
                    samples[kind].Add(clock.Elapsed.TotalMilliseconds);
                }
            }
        }

        double P(string kind, double p) => Stats.Percentile(samples[kind], p);
        report.Section("Query vs point read (measured harness, local host over HTTP)",
            $"{options.QueryAttestations:N0} stored attestations ({options.QueryVessels:N0} vessels, {perVessel} current attestations each) seeded in " +
            $"entity-group batches in {seedSeconds:N0} s: per attestation its `current|…`, `v000001|…` and content rows in one batch (its own partition), " +
            "and the VesselIndex rows 100 per batch; every row is a copy, re-keyed, of a row the ingest service wrote for a real document " +
            "(each attestation with a content hash of its own, as distinct documents have). " +
            "The API runs in the local host (Kestrel, `x-functions-key`) on the same Azurite; the raw side is a `TableClient` in the harness. " +
            $"{warmUp} warm-up rounds, then {options.QueryRequests:N0} rounds of the four requests in random order, one at a time, random attestations. " +
            "By id: `GET /api/attestations/{shipper}/{id}` (the current row, a copy of the current version) vs a point read of the version row. " +
            "By vessel: `GET /api/vessels/{imo}/attestations` " +
            $"(first page, default size) vs a single-partition query of the VesselIndex for the IMO (first page of {perVessel}).");
        report.Table(["Route", "p50 API", "p99 API", "p50 raw", "p99 raw", "p50 ratio", "p99 ratio"],
        [
            ["by id", Ms(P("id-api", 50)), Ms(P("id-api", 99)), Ms(P("id-raw", 50)), Ms(P("id-raw", 99)),
                MarkdownReport.Ratio(P("id-api", 50) / P("id-raw", 50)), MarkdownReport.Ratio(P("id-api", 99) / P("id-raw", 99))],
            ["by vessel", Ms(P("vessel-api", 50)), Ms(P("vessel-api", 99)), Ms(P("vessel-raw", 50)), Ms(P("vessel-raw", 99)),
                MarkdownReport.Ratio(P("vessel-api", 50) / P("vessel-raw", 50)), MarkdownReport.Ratio(P("vessel-api", 99) / P("vessel-raw", 99))],
        ]);
        report.Note("No table scan: every table request of the query service is a point read or has a PartitionKey equality " +
                    "(test `QueriesStayInOnePartition` in tests/PriceCapAttest.Pipeline.Tests records the requests of every API route).");
        return new Figures(P("id-api", 50), P("id-raw", 50), P("vessel-api", 50), P("vessel-raw", 50));
    }

    private static string Ms(double value) => MarkdownReport.Number(value, "N2") + " ms";

    private static (string Shipper, string Id, string Imo) Keys(int n, int vessels) =>
        ($"shipper-{n % 50:D2}", SampleDocuments.AttestationId(n), SampleDocuments.Imo(n % vessels));

    private static async Task GetAsync(HttpClient http, string path, string expected)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK || !body.Contains(expected, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}: {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private static async Task FirstPageAsync(TableClient vessels, string imo, int pageSize)
    {
        await foreach (var page in vessels.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {imo}"), pageSize).AsPages(null, pageSize).ConfigureAwait(false))
        {
            if (page.Values.Count == 0)
            {
                throw new InvalidOperationException($"No VesselIndex rows for {imo}.");
            }

            return;
        }
    }

    /// <summary>Ingests one real document, then copies the rows the service wrote for it to every seeded attestation.</summary>
    private static async Task<double> SeedAsync(HarnessOptions options, string connectionString, TableServiceClient tables)
    {
        await using (var provider = await PipelineServices.CreateAsync(connectionString, options.Parallelism).ConfigureAwait(false))
        {
            var blob = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Attestations)
                .GetBlobClient($"{TemplateShipper}/template.json");
            await blob.UploadAsync(new BinaryData(SampleDocuments.JsonBytes(TemplateId, SampleDocuments.Imo(0))), overwrite: true).ConfigureAwait(false);
            await provider.GetRequiredService<AttestationIngestService>()
                .IngestAsync(StorageNames.Containers.Attestations, $"{TemplateShipper}/template.json", CancellationToken.None).ConfigureAwait(false);
        }

        var attestations = tables.GetTableClient(StorageNames.Tables.Attestations);
        var vessels = tables.GetTableClient(StorageNames.Tables.VesselIndex);
        var templateRows = new List<TableEntity>();
        await foreach (var row in attestations.QueryAsync<TableEntity>(
                           TableClient.CreateQueryFilter($"PartitionKey eq {RecordKeys.Attestation(TemplateShipper, TemplateId)}")).ConfigureAwait(false))
        {
            templateRows.Add(row);
        }

        var templateVessel = (await vessels.GetEntityAsync<TableEntity>(SampleDocuments.Imo(0),
            RecordKeys.VesselRow(LoadingDate, TemplateShipper, TemplateId)).ConfigureAwait(false)).Value;
        if (templateRows.Count < 2)
        {
            throw new InvalidOperationException("The template document did not produce its attestation rows.");
        }

        var templatePartition = RecordKeys.Attestation(TemplateShipper, TemplateId);
        var templateSha = templateRows.Select(row => row.GetString("Sha256")).First(sha => sha is not null)!;

        Console.WriteLine($"[query] seeding {options.QueryAttestations:N0} attestations");
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, options.QueryAttestations), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (n, ct) =>
        {
            var (shipper, id, imo) = Keys(n, options.QueryVessels);
            var partition = RecordKeys.Attestation(shipper, id);
            // Each seeded attestation stands for another document: its own content hash, so its content row key
            // is its own, as in real data.
            var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(partition)));
            var batch = templateRows.Select(row => new TableTransactionAction(TableTransactionActionType.Add,
                Rekey(row, partition, row.RowKey.Replace(templatePartition, partition, StringComparison.Ordinal).Replace(templateSha, sha, StringComparison.Ordinal),
                    shipper, id, imo, (templateSha, sha)))).ToList();
            await attestations.SubmitTransactionAsync(batch, ct).ConfigureAwait(false);
        }).ConfigureAwait(false);

        await Parallel.ForEachAsync(Enumerable.Range(0, options.QueryVessels), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (v, ct) =>
        {
            var rows = Enumerable.Range(0, options.QueryAttestations / options.QueryVessels).Select(k => v + k * options.QueryVessels)
                .Select(n =>
                {
                    var (shipper, id, imo) = Keys(n, options.QueryVessels);
                    return new TableTransactionAction(TableTransactionActionType.Add,
                        Rekey(templateVessel, imo, RecordKeys.VesselRow(LoadingDate, shipper, id), shipper, id, imo));
                });
            foreach (var chunk in rows.Chunk(100))
            {
                await vessels.SubmitTransactionAsync(chunk, ct).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        return clock.Elapsed.TotalSeconds;
    }

    private static TableEntity Rekey(TableEntity template, string partition, string row, string shipper, string id, string imo,
        (string Old, string New) sha = default)
    {
        var copy = new TableEntity(partition, row);
        foreach (var (name, value) in template)
        {
            if (name is "odata.etag" or "Timestamp" or "PartitionKey" or "RowKey")
            {
                continue;
            }

            copy[name] = value is string text
                ? text.Replace(TemplateId, id, StringComparison.Ordinal).Replace(TemplateShipper, shipper, StringComparison.Ordinal)
                    .Replace(SampleDocuments.Imo(0), imo, StringComparison.Ordinal)
                    .Replace(sha.Old ?? TemplateId, sha.New ?? TemplateId, StringComparison.Ordinal)
                : value;
        }

        return copy;
    }
}
