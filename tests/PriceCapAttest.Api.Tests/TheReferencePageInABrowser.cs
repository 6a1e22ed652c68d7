using System.Collections.Concurrent;
using Microsoft.Playwright;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// The local host's /api/docs in headless Chromium: the page renders the API's title and operations, and every
/// request it makes goes to the local host (requests elsewhere are recorded and aborted, so no network is needed).
/// A screenshot lands in TestResults/api-docs.png.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class TheReferencePageInABrowser(LocalPipelineFixture pipeline)
{
    private const string Chromium = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    [Fact]
    public async Task Headless_Chromium_Renders_It_From_The_Local_Host_Alone()
    {
        Assert.True(File.Exists(Chromium),
            $"{Chromium} is missing: ./test.sh installs it when run as root; otherwise run `apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver`.");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Headless = true, Args = ChromiumArgs });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var requests = new ConcurrentQueue<string>();
        await page.RouteAsync("**/*", async route =>
        {
            requests.Enqueue(route.Request.Url);
            await (IsLocal(route.Request.Url) ? route.ContinueAsync() : route.AbortAsync());
        });

        await page.GotoAsync(new Uri(pipeline.ApiBase, "docs/").ToString());
        var wait = new LocatorWaitForOptions { Timeout = 30_000 };
        await page.GetByText(ApiEndpoints.Title).First.WaitForAsync(wait);
        foreach (var summary in ApiRoutes.All.Take(4).Select(r => r.Summary))
        {
            await page.GetByText(summary, new() { Exact = true }).First.WaitForAsync(wait);
        }

        var screenshot = BuildInfo.RepositoryFile("TestResults/api-docs.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        await page.ScreenshotAsync(new() { Path = screenshot });
        var elsewhere = requests.Where(url => !IsLocal(url)).Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "Requests beyond the local host: " + string.Join(", ", elsewhere));
        Assert.Contains(requests, url => url.EndsWith("/api/openapi.json", StringComparison.Ordinal));
    }

    private static bool IsLocal(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "blob"
        || uri.Host is "127.0.0.1" or "localhost";
}
