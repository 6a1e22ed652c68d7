using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// The console in Entra mode for a browser: an <see cref="InProcessConsoleHost"/> with Console:Entra:* settings of a
/// made-up tenant on a real loopback port, and one headless Chromium (<see cref="HeadlessChromium"/>) for the class.
/// </summary>
public sealed class EntraConsoleFixture : IAsyncLifetime
{
    public const string ClientId = EntraTestValues.ClientId;
    public const string Authority = EntraTestValues.Authority;
    public const string Scope = EntraTestValues.Scope;

    private InProcessConsoleHost? _host;
    private IPlaywright? _playwright;

    public Uri BaseAddress => _host!.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _host = await InProcessConsoleHost.StartAsync(InProcessConsoleHost.EntraSettings(ClientId, Authority, Scope));
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The made-up Entra settings of the Entra tests (GUIDs of no real tenant or app registration).</summary>
public static class EntraTestValues
{
    public const string ClientId = "0b7f3c9e-5a41-4d2e-9c61-2f8e4a7b1d35";
    public const string Tenant = "6d1c2b8a-94e3-4f70-b5a2-c38e1f9d0a47";
    public const string Authority = "https://login.microsoftonline.com/" + Tenant;
    public const string AuthorityOrigin = "https://login.microsoftonline.com";
    public const string Scope = "api://3e9a51c4-7b2d-48f6-a0e5-91c7d2b4f683/.default";
}

/// <summary>
/// One browser context on the Entra-mode console. Its routing: 127.0.0.1 goes to the host, except /api/ (there is no
/// API here), which is recorded with its Authorization header and answered by the test (/api/me) or 404; the
/// authority's host is answered by the <see cref="StandInAuthority"/> (never reached); anything else is aborted,
/// recorded, and fails the test at dispose.
/// </summary>
public sealed class EntraSession : IAsyncDisposable
{
    private readonly IBrowserContext _context;
    private readonly Uri _base;
    private readonly ConcurrentQueue<string> _elsewhere = new();
    private readonly ConcurrentQueue<ApiCall> _api = new();

    private EntraSession(IBrowserContext context, IPage page, Uri baseAddress, StandInAuthority authority)
    {
        _context = context;
        Page = page;
        _base = baseAddress;
        Authority = authority;
    }

    public IPage Page { get; }

    public StandInAuthority Authority { get; }

    /// <summary>What /api/me answers (JSON); null: 401 as the API answers without credentials.</summary>
    public string? Me { get; set; }

    public IReadOnlyList<ApiCall> ApiCalls => [.. _api];

    public static async Task<EntraSession> OpenAsync(EntraConsoleFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = Widths.Desktop, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var session = new EntraSession(context, page, fixture.BaseAddress, new StandInAuthority(EntraConsoleFixture.Authority, EntraConsoleFixture.ClientId, EntraConsoleFixture.Scope));
        await context.RouteAsync("**/*", session.RouteAsync);
        return session;
    }

    /// <summary>The absolute URL of a console path ("vessels/9074729", "" for the home page).</summary>
    public string Url(string path) => new Uri(_base, "console/" + path.TrimStart('/')).AbsoluteUri;

    /// <summary>No request went anywhere but 127.0.0.1 and the stand-in authority.</summary>
    public void AssertStayedLocal()
    {
        var elsewhere = _elsewhere.Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "Requests beyond the local host and the stand-in authority: " + string.Join(", ", elsewhere));
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        AssertStayedLocal();
    }

    private async Task RouteAsync(IRoute route)
    {
        var request = route.Request;
        if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var url) || url.Scheme is "data" or "blob" or "about")
        {
            await route.ContinueAsync();
        }
        else if (url.Host == "127.0.0.1" && url.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
        {
            var headers = await request.AllHeadersAsync();
            _api.Enqueue(new ApiCall(url.PathAndQuery, headers.GetValueOrDefault("authorization")));
            var answer = url.AbsolutePath == "/api/me" && Me is not null
                ? (Status: 200, Type: "application/json", Body: Me)
                : (Status: url.AbsolutePath == "/api/me" ? 401 : 404, Type: "application/problem+json", Body: """{"title":"Not here","status":404}""");
            await route.FulfillAsync(new() { Status = answer.Status, ContentType = answer.Type, Body = answer.Body });
        }
        else if (url.Host == "127.0.0.1")
        {
            await route.ContinueAsync();
        }
        else if (url.Host == Authority.Host && url.Scheme == Uri.UriSchemeHttps)
        {
            await Authority.FulfilAsync(route);
        }
        else
        {
            _elsewhere.Enqueue(request.Url);
            await route.AbortAsync();
        }
    }
}

/// <summary>A request of the page to /api (answered in the browser) and its Authorization header.</summary>
public sealed record ApiCall(string PathAndQuery, string? Authorization);
