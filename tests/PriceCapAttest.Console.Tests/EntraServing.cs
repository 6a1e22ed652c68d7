using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Options;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>
/// What the console answers with Console:Entra:* settings (an in-process host, no browser): config.json says entra
/// with exactly the configured values and is never cached; the content security policy lets the authority's origin
/// in for requests and frames and nothing else; settings that fail the check stop the host.
/// </summary>
public sealed class EntraServing
{
    private const string ClientId = EntraTestValues.ClientId;
    private const string Tenant = EntraTestValues.Tenant;
    private const string Authority = EntraTestValues.Authority;
    private const string Scope = EntraTestValues.Scope;
    private const string AuthorityOrigin = EntraTestValues.AuthorityOrigin;

    [Fact]
    public async Task With_entra_settings_config_json_answers_entra_with_the_configured_values_uncached()
    {
        await using var host = await InProcessConsoleHost.StartAsync(InProcessConsoleHost.EntraSettings(ClientId, Authority + "/", Scope));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync(new Uri("console/config.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        using var config = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var properties = config.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
        Assert.Equal(
            new Dictionary<string, string?> { ["mode"] = "entra", ["clientId"] = ClientId, ["authority"] = Authority, ["scope"] = Scope },
            properties);
    }

    [Fact]
    public async Task With_entra_settings_the_policy_adds_the_authority_origin_to_connect_src_and_frame_src_only()
    {
        await using var keys = await InProcessConsoleHost.StartAsync(new Dictionary<string, string?>());
        await using var entra = await InProcessConsoleHost.StartAsync(InProcessConsoleHost.EntraSettings(ClientId, Authority, Scope));

        var keysPolicy = await PolicyOfIndexAsync(keys);
        var entraPolicy = await PolicyOfIndexAsync(entra);

        Assert.Equal("'self'", keysPolicy["connect-src"]);
        Assert.Equal("'none'", keysPolicy["frame-src"]);
        Assert.Equal($"'self' {AuthorityOrigin}", entraPolicy["connect-src"]);
        Assert.Equal(AuthorityOrigin, entraPolicy["frame-src"]);
        Assert.Equal(keysPolicy.Keys.Order(StringComparer.Ordinal), entraPolicy.Keys.Order(StringComparer.Ordinal));
        Assert.All(
            keysPolicy.Keys.Where(directive => directive is not "connect-src" and not "frame-src"),
            directive => Assert.Equal(keysPolicy[directive], entraPolicy[directive]));
        Assert.DoesNotContain(Tenant, string.Join(" ", entraPolicy.Values), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deep_link_in_entra_mode_answers_index_html_with_the_same_headers()
    {
        await using var host = await InProcessConsoleHost.StartAsync(InProcessConsoleHost.EntraSettings(ClientId, Authority, Scope));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.GetAsync(new Uri("console/vessels/9074729", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Contains(AuthorityOrigin, Assert.Single(response.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_entra_setting_stops_the_host_at_start_naming_the_missing_settings()
    {
        var settings = new Dictionary<string, string?> { ["Console:Entra:ClientId"] = ClientId };

        var refusal = await Assert.ThrowsAsync<OptionsValidationException>(() => InProcessConsoleHost.StartAsync(settings));

        Assert.Contains(refusal.Failures, f => f.StartsWith("Console:Entra:Authority ", StringComparison.Ordinal));
        Assert.Contains(refusal.Failures, f => f.StartsWith("Console:Entra:Scope ", StringComparison.Ordinal));
        Assert.DoesNotContain(refusal.Failures, f => f.StartsWith("Console:Entra:ClientId ", StringComparison.Ordinal));
    }

    /// <summary>The Content-Security-Policy of index.html as directive → sources.</summary>
    private static async Task<Dictionary<string, string>> PolicyOfIndexAsync(InProcessConsoleHost host)
    {
        using var client = new HttpClient { BaseAddress = host.BaseAddress };
        using var response = await client.GetAsync(new Uri("console/", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        return policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directive => directive.Split(' ', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
    }
}
