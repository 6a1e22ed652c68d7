using System.Net;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// The Functions app serves the web console at /console/ from its own HTTP function (docs/console.md): the same
/// status, headers and bytes as the local host for the page, its deep links, its bundle, its configuration and its
/// redirect, all without a key.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed partial class TheConsoleOnBothHosts(LocalPipelineFixture pipeline)
{
    [Theory]
    [InlineData("/console")]
    [InlineData("/console?x=1")]
    [InlineData("/console/")]
    [InlineData("/console/vessels/9074729")]
    [InlineData("/console/attestations/demo/ATT-1")]
    [InlineData("/console/config.json")]
    public async Task The_Functions_App_Answers_As_The_Local_Host(string path) =>
        await AssertAlikeAsync(path);

    [Fact]
    public async Task The_Functions_App_Serves_Each_Bundle_File_Of_The_Page_As_The_Local_Host()
    {
        using var local = new HttpClient { BaseAddress = pipeline.ApiBase };
        var html = await local.GetStringAsync(new Uri("/console/", UriKind.Relative));
        var files = Asset().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            Assert.StartsWith("/console/", file, StringComparison.Ordinal);
            await AssertAlikeAsync(file);
        }
    }

    private Task AssertAlikeAsync(string path) => BothHostsServe.AssertAlikeAsync(
        pipeline, path, [HttpStatusCode.OK, HttpStatusCode.Redirect], "Content-Security-Policy", "Cache-Control", "X-Content-Type-Options", "Referrer-Policy");

    [GeneratedRegex("<(?:script|link)[^>]*?(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Asset();
}
