using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The local host at Debug level for every category (Azure SDK, WebJobs, ASP.NET Core, HttpClient included), with a
/// second EU alert route that always fails and carries <c>?code=</c>: a document is ingested, its alerts delivered
/// (one endpoint up, one down until the alert fails), every route called with keys in the header and as
/// <c>?code=</c>, and wrong and cross-role keys tried. No captured output line, receipt, API answer or header holds
/// the signing secret (or its key part), an API key, the route's code or the storage account key.
/// </summary>
public sealed class SecretsNeverAppear(SecretsNeverAppear.DebugPipeline pipeline) : IClassFixture<SecretsNeverAppear.DebugPipeline>
{
    public const string RouteCode = "route-code-5c2e77a9d1";

    [Fact]
    public async Task Ingest_Alerts_And_Api_Calls_Show_No_Secret()
    {
        var sample = await pipeline.RecordedSampleAsync();
        var captured = new List<string>();

        // The alerts settle: the inbox one Delivered, the failing one Failed after its rounds.
        var path = $"attestations/{Uri.EscapeDataString(sample.ShipperId)}/{Uri.EscapeDataString(sample.AttestationId)}";
        var answer = await Eventually.GetAsync(async () =>
        {
            using var response = await pipeline.Insurer.GetAsync(new Uri(path, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var alerts = JsonNode.Parse(body)!["alerts"]!.AsArray();
            return alerts.Count > 0 && alerts.All(a => a!["status"]!.GetValue<string>() is "Delivered" or "Failed") &&
                   alerts.Any(a => a!["status"]!.GetValue<string>() == "Failed")
                ? body
                : null;
        }, "the alerts of the sample are Delivered or Failed (the failing route)", TimeSpan.FromSeconds(90));
        captured.Add(answer);
        Assert.Contains("127.0.0.1:9/", answer, StringComparison.Ordinal); // the failing endpoint is shown, without its query

        var receiptPath = "receipts/" + sample.BlobPath;
        var routes = new (HttpClient Client, string Key, string Uri)[]
        {
            (pipeline.Insurer, LocalPipelineFixture.InsurerKey, path),
            (pipeline.Insurer, LocalPipelineFixture.InsurerKey, path + "?version=1"),
            (pipeline.Insurer, LocalPipelineFixture.InsurerKey, "vessels/9074729/attestations?pageSize=1"),
            (pipeline.Operator, LocalPipelineFixture.OperatorKey, receiptPath),
            (pipeline.Shipper, LocalPipelineFixture.ShipperKey, receiptPath),
            (pipeline.Insurer, LocalPipelineFixture.InsurerKey, "schedule"),
            (pipeline.Regulator, LocalPipelineFixture.RegulatorKey, "violations?regime=EU"),
            (pipeline.Regulator, LocalPipelineFixture.RegulatorKey, "violations?regime=XX"),
            (pipeline.Insurer, LocalPipelineFixture.InsurerKey, "attestations/x/y?version=abc"),
        };
        foreach (var (client, key, uri) in routes)
        {
            captured.Add(await ReadAsync(client, uri));
            captured.Add(await ReadAsync(pipeline.Anonymous, uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + key));
            captured.Add(await ReadAsync(pipeline.Anonymous, uri));
            var other = key == LocalPipelineFixture.InsurerKey ? LocalPipelineFixture.RegulatorKey : LocalPipelineFixture.InsurerKey;
            captured.Add(await ReadAsync(pipeline.Anonymous, uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + other));
        }

        using (var csv = new HttpRequestMessage(HttpMethod.Get, new Uri("violations?regime=EU", UriKind.Relative)))
        {
            csv.Headers.Add("Accept", "text/csv");
            using var response = await pipeline.Regulator.SendAsync(csv);
            captured.Add(response.Headers + await response.Content.ReadAsStringAsync());
        }

        // The receipt as stored (blob), next to what the API showed.
        var receiptBlob = pipeline.Blobs.GetBlobContainerClient("attestation-receipts")
            .GetBlobClient(sample.BlobPath["attestations/".Length..] + ".json");
        captured.Add((await receiptBlob.DownloadContentAsync()).Value.Content.ToString());

        // What the regulator inbox received (the signed bodies) is evidence, not configuration: no secret either.
        using (var inbox = new HttpClient())
        {
            captured.Add(await inbox.GetStringAsync(new Uri(pipeline.Inbox.BaseAddress, "/received")));
        }

        var lines = pipeline.OutputLines;
        Assert.True(lines.Count > 50, $"only {lines.Count} lines were captured at Debug level");
        Assert.Contains(lines, l => l.Contains("failed", StringComparison.OrdinalIgnoreCase) && l.Contains("127.0.0.1:9", StringComparison.Ordinal));
        foreach (var (secret, what) in pipeline.Secrets)
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret, StringComparison.Ordinal));
            Assert.All(captured, c => Assert.False(c.Contains(secret, StringComparison.Ordinal), $"{what} appears in: {c}"));
        }

        foreach (var line in lines.Where(l => pipeline.Secrets.Any(s => l.Contains(s.Value, StringComparison.Ordinal))))
        {
            Assert.Fail($"a secret appears in the output: {line}");
        }
    }

    private static async Task<string> ReadAsync(HttpClient client, string uri)
    {
        using var response = await client.GetAsync(new Uri(uri, UriKind.Relative));
        Assert.NotEqual(HttpStatusCode.InternalServerError, response.StatusCode);
        return $"{(int)response.StatusCode} {response.Headers} {response.Content.Headers} {await response.Content.ReadAsStringAsync()}";
    }

    /// <summary>The pipeline fixture with Debug logging everywhere and a failing EU route carrying a code.</summary>
    public sealed class DebugPipeline : LocalPipelineFixture
    {
        public IReadOnlyList<(string Value, string What)> Secrets =>
        [
            (SigningSecret, "the signing secret"),
            (SigningSecret["whsec_".Length..], "the signing key"),
            (ShipperKey, "the shipper key"),
            (InsurerKey, "the insurer key"),
            (RegulatorKey, "the regulator key"),
            (OperatorKey, "the operator key"),
            (RouteCode, "the route's code"),
            (AccountKeyOf(StorageConnectionString), "the storage account key"),
        ];

        protected override void Configure(IDictionary<string, string?> environment)
        {
            foreach (var category in new[] { "Default", "Microsoft", "Microsoft.AspNetCore", "Microsoft.Azure.WebJobs", "Host", "Host.Results", "Function", "System.Net.Http.HttpClient", "Azure.Core", "Azure" })
            {
                environment[$"Logging__LogLevel__{category}"] = "Debug";
            }

            environment["Logging__Console__FormatterOptions__IncludeScopes"] = "true";
            environment["Alerts__Routes__EU__1"] = $"http://127.0.0.1:9/eu-down?code={RouteCode}";
            environment["Alerts__MaxAttempts"] = "2";
            environment["Alerts__BaseBackoff"] = "00:00:01";
            environment["Alerts__MaxBackoff"] = "00:00:02";
            environment["Alerts__RequestTimeout"] = "00:00:05";
        }

        private static string AccountKeyOf(string connectionString) =>
            connectionString.Split(';').Single(p => p.StartsWith("AccountKey=", StringComparison.Ordinal))["AccountKey=".Length..];
    }
}
