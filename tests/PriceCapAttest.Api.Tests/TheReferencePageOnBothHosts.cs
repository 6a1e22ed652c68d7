using System.Net;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// The Functions app serves the reference page at /api/docs with Scalar's own endpoints: the same status, content
/// type and bytes as the local host for the page, its redirect and its scripts, all without a key.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed partial class TheReferencePageOnBothHosts(LocalPipelineFixture pipeline)
{
    [Theory]
    [InlineData("docs")]
    [InlineData("docs/")]
    [InlineData("docs/scalar.js")]
    [InlineData("docs/scalar.aspnetcore.js")]
    [InlineData("docs/no/such/asset.js")]
    public async Task The_Functions_App_Answers_As_The_Local_Host(string path) =>
        await BothHostsServe.AssertAlikeAsync(pipeline, path, []);

    [Fact]
    public async Task The_Functions_App_Page_Loads_Only_Its_Own_Scripts()
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        using var page = await functions.Client.GetAsync(new Uri("docs/", UriKind.Relative));
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var scripts = Script().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var script in scripts)
        {
            Assert.DoesNotContain("//", script, StringComparison.Ordinal);
            using var loaded = await functions.Client.GetAsync(new Uri("docs/" + script, UriKind.Relative));
            Assert.True(loaded.StatusCode == HttpStatusCode.OK, $"{script}: {(int)loaded.StatusCode}");
            Assert.Equal("text/javascript", loaded.Content.Headers.ContentType?.MediaType);
        }
    }

    [GeneratedRegex("<(?:script|link)[^>]*?(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Script();
}
