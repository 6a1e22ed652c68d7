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

    private async Task AssertAlikeAsync(string path)
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var local = new HttpClient(handler) { BaseAddress = pipeline.ApiBase };

        using var expected = await local.GetAsync(new Uri(path, UriKind.Relative));
        using var actual = await functions.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(expected.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {(int)expected.StatusCode} on the local host");
        Assert.Equal(expected.StatusCode, actual.StatusCode);
        Assert.Equal(expected.Headers.Location, actual.Headers.Location);
        Assert.Equal(expected.Content.Headers.ContentType?.ToString(), actual.Content.Headers.ContentType?.ToString());
        foreach (var header in new[] { "Content-Security-Policy", "Cache-Control", "X-Content-Type-Options", "Referrer-Policy" })
        {
            Assert.Equal(Values(expected, header), Values(actual, header));
        }

        Assert.Equal(await expected.Content.ReadAsByteArrayAsync(), await actual.Content.ReadAsByteArrayAsync());
    }

    private static string? Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values) ? string.Join(",", values) : null;

    [GeneratedRegex("<(?:script|link)[^>]*?(?:src|href)=\"(?<url>[^\"]+)\"")]
    private static partial Regex Asset();
}
