using System.Net;
using System.Text.RegularExpressions;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>What the local host answers under /console/, without a browser: deep links, headers, the bundle, the settings.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class ConsoleServing(ConsoleFixture console)
{
    [Fact]
    public async Task A_deep_link_answers_index_html_uncached_under_a_strict_content_security_policy()
    {
        using var client = new HttpClient { BaseAddress = console.BaseAddress };

        using var response = await client.GetAsync(new Uri("console/attestations/shipper-x/ATT-1.2", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        var policy = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self';", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hashed_bundle_is_cached_for_a_year_and_small()
    {
        using var client = new HttpClient { BaseAddress = console.BaseAddress };
        var html = await client.GetStringAsync(new Uri("console/", UriKind.Relative));
        var script = ScriptSource().Match(html).Groups["src"].Value;

        using var response = await client.GetAsync(new Uri(script.TrimStart('/'), UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        Assert.InRange((await response.Content.ReadAsByteArrayAsync()).Length, 1_000, 150_000);
    }

    [Fact]
    public async Task Console_without_a_slash_redirects_and_the_settings_say_keys()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.BaseAddress };

        using var redirect = await client.GetAsync(new Uri("console", UriKind.Relative));
        var config = await client.GetStringAsync(new Uri("console/config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Equal("/console/", redirect.Headers.Location?.OriginalString);
        Assert.Equal("""{"mode":"keys"}""", config);
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<script[^>]*src=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();
}
