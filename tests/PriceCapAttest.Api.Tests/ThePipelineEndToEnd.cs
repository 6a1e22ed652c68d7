using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// Through the local host process: a document uploaded with a plain storage client is ingested, queryable through the
/// API, and its violation reaches the regulator's inbox signed, within seconds.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class ThePipelineEndToEnd(LocalPipelineFixture pipeline)
{
    // Usually a few seconds; the deadline leaves room for a loaded CI machine.
    private static readonly TimeSpan WithinSeconds = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task An_Uploaded_Violation_Is_In_The_Api_And_Alerts_The_Regulator_With_A_Valid_Signature()
    {
        var shipper = LocalPipelineFixture.NewShipper();
        var content = await File.ReadAllBytesAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json"));
        var clock = Stopwatch.StartNew();

        var recorded = await pipeline.UploadAndWaitAsync(shipper, "voyages/violation-eu.json", content, "ATT-2026-0043");
        var answer = await GetJsonAsync($"attestations/{recorded.ShipperId}/{recorded.AttestationId}");
        Assert.Equal("Violation", answer["verdict"]!.GetValue<string>());
        Assert.Equal($"attestations/{shipper}/voyages/violation-eu.json", answer["blobPath"]!.GetValue<string>());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), answer["sha256"]!.GetValue<string>());
        var violated = answer["regimes"]!.AsArray().Where(r => r!["verdict"]!.GetValue<string>() == "Violation").Select(r => r!["regime"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(violated);

        var alerts = await Eventually.GetAsync(
            () => Task.FromResult(pipeline.Inbox.Received.Where(a => a.ShipperId == shipper).ToList() is { Count: > 0 } list && list.Count >= violated.Count ? list : null),
            $"an alert per violated regime ({string.Join(", ", violated)}) at the inbox.{Environment.NewLine}{pipeline.HostOutput}",
            WithinSeconds);
        Assert.All(alerts, alert =>
        {
            Assert.True(alert.SignatureValid, "the Standard Webhooks signature verifies with the shared secret");
            Assert.Equal("org.pricecapattest.violation", alert.Type);
            Assert.Equal("ATT-2026-0043", alert.AttestationId);
            Assert.Equal("/" + alert.Regime!.ToLowerInvariant(), alert.Path);
        });
        Assert.Equal(violated.Order(StringComparer.Ordinal), alerts.Select(a => a.Regime!).Order(StringComparer.Ordinal));
        Assert.True(clock.Elapsed < WithinSeconds, $"upload to alert took {clock.Elapsed}");

        var delivered = await Eventually.GetAsync(async () =>
        {
            var current = await GetJsonAsync($"attestations/{shipper}/ATT-2026-0043");
            var statuses = current["alerts"]!.AsArray().Select(a => a!["status"]!.GetValue<string>()).ToList();
            return statuses.Count == violated.Count && statuses.All(s => s == "Delivered") ? current : null;
        }, "the API shows every alert Delivered", WithinSeconds);
        AssertValid("AttestationAnswer", delivered.ToJsonString());
    }

    [Fact]
    public async Task An_Unreadable_Upload_Gets_A_Rejected_Receipt_In_The_Api()
    {
        var shipper = LocalPipelineFixture.NewShipper();
        var container = pipeline.Blobs.GetBlobContainerClient("attestations");
        await container.GetBlobClient($"{shipper}/broken.json").UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes("{ this is not json")), overwrite: true);

        var receipt = await Eventually.GetAsync(async () =>
        {
            using var response = await pipeline.Api.GetAsync(new Uri($"receipts/attestations/{shipper}/broken.json", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, $"a receipt for attestations/{shipper}/broken.json.{Environment.NewLine}{pipeline.HostOutput}", WithinSeconds);

        AssertValid("Receipt", receipt);
        var json = JsonNode.Parse(receipt)!;
        Assert.Equal("Rejected", json["status"]!.GetValue<string>());
        Assert.Equal("Rejected", json["attestations"]![0]!["verdict"]!.GetValue<string>());
        Assert.NotEmpty(json["attestations"]![0]!["errors"]!.AsArray());
    }

    private async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await pipeline.Api.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!;
    }

    private static void AssertValid(string component, string body)
    {
        var (valid, errors) = OpenApiDocument.Validate(component, body);
        Assert.True(valid, $"The answer does not match {component}:{Environment.NewLine}{errors}{Environment.NewLine}{body}");
    }
}
