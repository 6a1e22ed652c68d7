using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.OpenApi.Reader;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// The OpenAPI document is generated from the routes: the local host serves it at /api/openapi.json (no key), and
/// docs/openapi.json is its checked-in copy, which the Functions app serves too. It is valid OpenAPI 3.1 with every
/// route and the alert webhooks; the reference page at /api/docs loads only the app's own scripts.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed partial class TheOpenApiDocument(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task The_Checked_In_Copy_Is_The_Generated_Document()
    {
        var served = JsonNode.Parse(await pipeline.Anonymous.GetStringAsync(new Uri("openapi.json", UriKind.Relative)));
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(BuildInfo.RepositoryFile("docs/openapi.json")));

        Assert.True(JsonNode.DeepEquals(served, copy),
            "docs/openapi.json differs from the document the local host generates; refresh it with tools/refresh-openapi.sh and commit it.");
    }

    [Fact]
    public async Task The_Functions_App_Serves_The_Same_Copy()
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        var served = JsonNode.Parse(await functions.Client.GetStringAsync(new Uri("openapi.json", UriKind.Relative)));
        var copy = JsonNode.Parse(await File.ReadAllTextAsync(BuildInfo.RepositoryFile("docs/openapi.json")));

        Assert.True(JsonNode.DeepEquals(served, copy));
    }

    [Fact]
    public async Task It_Is_OpenApi_3_1_With_Every_Route_And_The_Webhooks()
    {
        using var response = await pipeline.Anonymous.GetAsync(new Uri("openapi.json", UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        var (document, diagnostic) = Microsoft.OpenApi.OpenApiDocument.Parse(text, "json", new OpenApiReaderSettings());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(document);
        Assert.Empty(diagnostic?.Errors ?? []);
        Assert.StartsWith("3.1", JsonNode.Parse(text)!["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        foreach (var route in ApiRoutes.All)
        {
            var operation = document.GetOperationById(route.Name);
            Assert.True(operation is not null, $"No operation {route.Name}");
            Assert.Equal(route.Summary, operation.Summary);
            Assert.Equal(!route.IsAnonymous, operation.Security is { Count: > 0 });
            if (!route.IsAnonymous)
            {
                // Either scheme alone: a key, or a bearer token (two requirements, not both in one).
                Assert.Equal(
                    [[Api.OpenApi.ApiDocument.KeyScheme], [Api.OpenApi.ApiDocument.BearerScheme]],
                    operation.Security!.Select(requirement => requirement.Keys.Select(scheme => scheme.Reference.Id).ToArray()).ToArray());
            }
            var roles = JsonNode.Parse(text)!["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject())
                .Single(o => o.Value!["operationId"]!.GetValue<string>() == route.Name).Value!["x-roles"];
            Assert.Equal(route.Roles.Select(r => r.ToString()), roles?.AsArray().Select(r => r!.GetValue<string>()) ?? []);
        }

        Assert.Equal(["org.pricecapattest.resolved", "org.pricecapattest.violation"], document.Webhooks!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("x-functions-key", text, StringComparison.Ordinal);
        Assert.Contains("webhook-signature", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Reference_Page_Loads_Only_Local_Assets()
    {
        using var page = await pipeline.Anonymous.GetAsync(new Uri("docs/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var assets = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        foreach (var asset in assets)
        {
            Assert.False(asset.StartsWith("http", StringComparison.OrdinalIgnoreCase) || asset.StartsWith("//", StringComparison.Ordinal), $"External asset {asset}");
            using var loaded = await pipeline.Anonymous.GetAsync(new Uri(new Uri(pipeline.ApiBase, "docs/"), asset));
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, $"{asset}: {(int)loaded.StatusCode}");
        }
    }

    [GeneratedRegex("<(?:script|link)[^>]*?(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Asset();
}
