using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>GET /api/health needs no key: 200 healthy while storage answers, 503 naming storage when it does not.</summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class HealthAnswers(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task Healthy_With_Storage_Up()
    {
        using var response = await pipeline.Anonymous.GetAsync(new Uri("health", UriKind.Relative));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", json["status"]!.GetValue<string>());
        Assert.Equal("reachable", json["storage"]!["tables"]!.GetValue<string>());
        Assert.Contains(json["schedule"]!["status"]!.GetValue<string>(), new[] { "valid", "stale", "refused" });
        Assert.NotNull(json["alertQueue"]!["backlog"]);
    }

    [Fact]
    public async Task Unhealthy_With_Storage_Unreachable_Naming_Storage()
    {
        var settings = pipeline.HostSettings();
        // A port nothing listens on (the discard port of the loopback).
        settings["AzureWebJobsStorage"] = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
            "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";
        await using var functions = await FunctionsAppServer.StartAsync(settings, startServices: false);
        using var response = await functions.Client.GetAsync(new Uri("health", UriKind.Relative));
        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unhealthy", json["status"]!.GetValue<string>());
        Assert.Contains("storage", json["failing"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.Equal("unreachable", json["storage"]!["tables"]!.GetValue<string>());
    }
}
