using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Queries;

/// <summary>
/// No API route scans a table: every table request the read side sends, recorded on the wire, is a point read
/// (<c>Table(PartitionKey='..',RowKey='..')</c>) or a query whose filter starts with a PartitionKey equality and has
/// no <c>or</c> (which could widen it to other partitions).
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class QueriesStayInOnePartition(AzuriteFixture azurite)
{
    [Fact]
    public async Task Every_Api_Route_Reads_By_Partition()
    {
        var recorder = new TableRequestRecorder();
        await using var provider = await CreateAsync(recorder);
        var queries = provider.GetRequiredService<AttestationQueryService>();
        var schedule = provider.GetRequiredService<ScheduleQueryService>();
        var shipper = PipelineHarness.NewShipper();
        var blob = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{shipper}/a.json");
        await blob.UploadAsync(Documents.Bytes(Documents.Json("ATT-1")));
        await provider.GetRequiredService<AttestationIngestService>().IngestAsync(blob, CancellationToken.None);

        // What each API route asks of the query services (the CSV export reads pages of the largest size).
        var routes = new Dictionary<string, Func<Task<object?>>>
        {
            ["attestation"] = async () => await queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None),
            ["attestation version"] = async () => await queries.GetAttestationAsync(shipper, "ATT-1", 1, CancellationToken.None),
            ["vessel"] = async () => await queries.ListVesselAttestationsAsync(Documents.Imo, null, null, null, null, CancellationToken.None),
            ["vessel with dates"] = async () => await queries.ListVesselAttestationsAsync(Documents.Imo, "2026-01-01", "2026-12-31", null, 5, CancellationToken.None),
            ["violations"] = async () => await queries.ListViolationsAsync("EU", null, null, null, CancellationToken.None),
            ["violations csv"] = async () => await queries.ListViolationsAsync("EU", "2026-01-01", null, null, CancellationToken.None, QueryInput.MaxPageSize),
            ["receipt"] = async () => await queries.GetReceiptAsync($"attestations/{shipper}/a.json", CancellationToken.None),
            ["schedule"] = async () => await schedule.GetScheduleAsync((string?)null, CancellationToken.None),
        };

        foreach (var (route, call) in routes)
        {
            recorder.Clear();
            var response = await call();

            Assert.True(response is not null, $"{route} found nothing");
            if (route != "schedule")
            {
                Assert.NotEmpty(recorder.Requests);
            }

            foreach (var request in recorder.Requests)
            {
                Assert.True(IsPartitionBound(request), $"{route} sent a table request that is not bound to one partition: {request}");
            }
        }
    }

    [Fact]
    public async Task The_Current_Attestation_Is_One_Point_Read()
    {
        var recorder = new TableRequestRecorder();
        await using var provider = await CreateAsync(recorder);
        var queries = provider.GetRequiredService<AttestationQueryService>();
        var shipper = PipelineHarness.NewShipper();
        var container = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Attestations);
        var ingest = provider.GetRequiredService<AttestationIngestService>();
        foreach (var (name, price) in new[] { ("a.json", 46.00m), ("b.json", 42.10m) })
        {
            var blob = container.GetBlobClient($"{shipper}/{name}");
            await blob.UploadAsync(Documents.Bytes(Documents.Json("ATT-1", price)));
            await ingest.IngestAsync(blob, CancellationToken.None);
        }

        recorder.Clear();
        var response = await queries.GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);

        Assert.NotNull(response);
        var read = Assert.Single(recorder.Requests, r => r.Contains("/" + StorageNames.Tables.Attestations + "(", StringComparison.Ordinal));
        Assert.Contains("RowKey='current", Uri.UnescapeDataString(read), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Compliant_First_Version_Is_Answered_With_One_Request()
    {
        var recorder = new TableRequestRecorder();
        await using var provider = await CreateAsync(recorder);
        var shipper = PipelineHarness.NewShipper();
        var blob = provider.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(StorageNames.Containers.Attestations).GetBlobClient($"{shipper}/a.json");
        await blob.UploadAsync(Documents.Bytes(Documents.Json("ATT-1", 42.10m)));
        await provider.GetRequiredService<AttestationIngestService>().IngestAsync(blob, CancellationToken.None);

        recorder.Clear();
        var response = await provider.GetRequiredService<AttestationQueryService>().GetAttestationAsync(shipper, "ATT-1", null, CancellationToken.None);

        Assert.NotNull(response);
        Assert.Single(recorder.Requests);
    }

    [Theory]
    [InlineData("/devstoreaccount1/Attestations(PartitionKey='a',RowKey='current')", true)]
    [InlineData("/devstoreaccount1/VesselIndex()?$filter=PartitionKey%20eq%20'9074729'%20and%20RowKey%20ge%20'2026'", true)]
    [InlineData("/devstoreaccount1/Violations()?$filter=PartitionKey%20eq%20'EU'%20or%20RowKey%20ge%20'x'", false)]
    [InlineData("/devstoreaccount1/Violations()?$filter=RowKey%20ge%20'x'", false)]
    [InlineData("/devstoreaccount1/Violations()", false)]
    [InlineData("/devstoreaccount1/Violations()?$filter=PartitionKey%20eq%20'a%20or%20b'", true)]
    public void The_Check_Tells_Partition_Bound_Requests(string pathAndQuery, bool bound) =>
        Assert.Equal(bound, IsPartitionBound(pathAndQuery));

    /// <summary>A point read, or a query with a leading PartitionKey equality and no <c>or</c> outside string literals.</summary>
    internal static bool IsPartitionBound(string pathAndQuery)
    {
        var decoded = Uri.UnescapeDataString(pathAndQuery);
        var q = decoded.IndexOf('?', StringComparison.Ordinal);
        var query = q >= 0 ? decoded[(q + 1)..] : "";
        var path = q >= 0 ? decoded[..q] : decoded;
        if (path.Contains("(PartitionKey='", StringComparison.Ordinal) && path.Contains("',RowKey='", StringComparison.Ordinal))
        {
            return true;
        }

        var filter = query.Split('&').FirstOrDefault(p => p.StartsWith("$filter=", StringComparison.Ordinal))?["$filter=".Length..];
        if (filter is null || !filter.StartsWith("PartitionKey eq '", StringComparison.Ordinal))
        {
            return false;
        }

        var outsideLiterals = string.Concat(filter.Split('\'').Where((_, i) => i % 2 == 0));
        return !outsideLiterals.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(token => token.Equals("or", StringComparison.OrdinalIgnoreCase)
            || token.Equals("not", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<ServiceProvider> CreateAsync(TableRequestRecorder recorder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Schedule:BlobContainer"] = AzuriteFixture.UniqueName("config"),
            ["Alerts:SigningSecret"] = "whsec_cHJpY2VjYXAtdGVzdC1zaWduaW5nLWtleS0xMjM0NTY3OA==",
        }).Build();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(recorder, HttpPipelinePosition.PerCall);
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));
        services.AddSingleton(new StorageClients(
            new BlobServiceClient(azurite.ConnectionString),
            new QueueServiceClient(azurite.ConnectionString, StorageClients.QueueOptions()),
            new TableServiceClient(azurite.ConnectionString, tableOptions)));
        services.AddPriceCapPipeline(configuration).AddPriceCapAlerts(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        provider.GetRequiredService<IStartupValidator>().Validate();
        await provider.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(CancellationToken.None);
        return provider;
    }

    /// <summary>Records the path and query of every GET sent to the table service (reads only: writes are not queries).</summary>
    private sealed class TableRequestRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> _requests = new();

        public IReadOnlyCollection<string> Requests => _requests;

        public void Clear() => _requests.Clear();

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method == RequestMethod.Get)
            {
                _requests.Enqueue(message.Request.Uri.PathAndQuery);
            }
        }
    }
}
