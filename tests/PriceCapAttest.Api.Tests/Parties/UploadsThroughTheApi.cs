using System.Net;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Options;
using static PriceCapAttest.Api.Tests.Parties.PartyRequests;

namespace PriceCapAttest.Api.Tests.Parties;

/// <summary>
/// POST /api/attestations through the local host: the document is stored under the caller's own shipper id, whatever
/// the request says; the 202 names the receipt, which the shipper then reads. Every refusal is a problem and stores nothing.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class UploadsThroughTheApi(LocalPipelineFixture pipeline)
{
    private static readonly string Shipper = LocalPipelineFixture.SecondShipper;

    [Fact]
    public async Task An_Upload_Is_Stored_Under_The_Callers_Shipper_Id_And_Its_Receipt_Arrives()
    {
        using var client = pipeline.ClientWith(LocalPipelineFixture.SecondShipperKey);
        var name = $"via-api-{Guid.NewGuid():N}.json";
        var attestationId = "ATT-UP-" + Guid.NewGuid().ToString("N")[..8];
        var other = LocalPipelineFixture.NewShipper();

        using var response = await UploadAsync(client, $"name={name}&shipperId={other}", await SampleAsync(attestationId, "9074729"), "application/json");

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, text);
        var receipt = $"/api/receipts/{Shipper}/{name}";
        Assert.Equal(receipt, response.Headers.Location?.OriginalString);
        var body = JsonNode.Parse(text)!.AsObject();
        Assert.Equal(["shipperId", "name", "blobPath", "receipt"], body.Select(p => p.Key));
        Assert.Equal(Shipper, body["shipperId"]!.GetValue<string>());
        Assert.Equal(name, body["name"]!.GetValue<string>());
        Assert.Equal($"attestations/{Shipper}/{name}", body["blobPath"]!.GetValue<string>());
        Assert.Equal(receipt, body["receipt"]!.GetValue<string>());

        var blob = Container().GetBlobClient($"{Shipper}/{name}");
        Assert.Equal("application/json", (await blob.GetPropertiesAsync()).Value.ContentType);
        Assert.Empty(await StoredAsync(other + "/"));

        var read = await Eventually.GetAsync(async () =>
        {
            using var answer = await client.GetAsync(new Uri(pipeline.ApiBase, receipt));
            return answer.StatusCode == HttpStatusCode.OK ? await answer.Content.ReadAsStringAsync() : null;
        }, $"the receipt {receipt} is readable by the shipper.{Environment.NewLine}{pipeline.HostOutput}");
        Assert.Contains(attestationId, read, StringComparison.Ordinal);
        await RecordedAsync(client, Shipper, attestationId);
    }

    public static TheoryData<string, string?, int, string> Refusals() => new()
    {
        { "name=..%2Fevil.json", "application/json", 400, "name" },
        { "name=a%2Fb.json", "application/json", 400, "name" },
        { "name=%2E%2E", "application/json", 400, "name" },
        { "name=evil.exe", "application/json", 400, "name" },
        { "name=", "application/json", 400, "name" },
        { "name=refused.json", "text/csv", 415, "contentType" },
        { "name=refused.csv", "text/plain", 415, "contentType" },
        { "name=refused.json", "application/json; charset=latin1", 415, "contentType" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_Bad_Name_Or_Content_Type_Is_A_Problem_And_Nothing_Is_Stored(string query, string? contentType, int status, string field)
    {
        using var client = pipeline.ClientWith(LocalPipelineFixture.SecondShipperKey);
        var before = await StoredAsync("");

        using var response = await UploadAsync(client, query, "{}"u8.ToArray(), contentType);

        var problem = await AssertProblemAsync(response, (HttpStatusCode)status, status == 415 ? "unsupported-media-type" : "invalid-parameter");
        Assert.Equal([field], Fields(problem));
        Assert.Equal(before, await StoredAsync(""));
    }

    [Fact]
    public async Task An_Empty_Or_Oversized_Body_Is_A_Problem_And_Nothing_Is_Stored()
    {
        using var client = pipeline.ClientWith(LocalPipelineFixture.SecondShipperKey);
        var name = $"big-{Guid.NewGuid():N}.csv";

        using var empty = await UploadAsync(client, "name=" + name, [], "text/csv");
        using var oversized = await UploadAsync(client, "name=" + name, new byte[new IngestOptions().MaxDocumentBytes + 1], "text/csv");

        Assert.Equal(["body"], Fields(await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "invalid-parameter")));
        Assert.Equal(["body"], Fields(await AssertProblemAsync(oversized, HttpStatusCode.RequestEntityTooLarge, "too-large")));
        Assert.Empty(await StoredAsync($"{Shipper}/{name}"));
    }

    [Fact]
    public async Task Only_A_Shipper_Uploads()
    {
        using var response = await UploadAsync(pipeline.Operator, "name=by-operator.json", "{}"u8.ToArray(), "application/json");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Empty(await StoredAsync("ops/"));
    }

    private BlobContainerClient Container() => pipeline.Blobs.GetBlobContainerClient("attestations");

    private async Task<List<string>> StoredAsync(string prefix)
    {
        var names = new List<string>();
        await foreach (var item in Container().GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            names.Add(item.Name);
        }

        return names;
    }
}
