using System.Collections.Concurrent;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// One browser context on the console at a width: every request is recorded, and any that would leave 127.0.0.1 is
/// aborted (<see cref="AssertStayedLocal"/> fails the test on it). Sign in with a key through the form or the
/// fragment, open console paths, take screenshots (TestResults/console/{page}-{role}-{width}.png), run axe.
/// </summary>
public sealed class ConsoleSession : IAsyncDisposable
{
    private readonly ConsoleFixture _fixture;
    private readonly IBrowserContext _context;
    private readonly ConcurrentQueue<IRequest> _requests = new();
    private readonly ConcurrentQueue<string> _elsewhere = new();

    private ConsoleSession(ConsoleFixture fixture, IBrowserContext context, IPage page, int width)
    {
        _fixture = fixture;
        _context = context;
        Page = page;
        Width = width;
    }

    public IPage Page { get; }

    public int Width { get; }

    /// <summary>Every request the page made so far.</summary>
    public IReadOnlyList<IRequest> Requests => [.. _requests];

    public static async Task<ConsoleSession> OpenAsync(ConsoleFixture fixture, int width = Widths.Desktop)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = width < 600 ? 812 : 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var session = new ConsoleSession(fixture, context, page, width);
        await context.RouteAsync("**/*", async route =>
        {
            session._requests.Enqueue(route.Request);
            if (IsLocal(route.Request.Url))
            {
                await route.ContinueAsync();
            }
            else
            {
                session._elsewhere.Enqueue(route.Request.Url);
                await route.AbortAsync();
            }
        });
        return session;
    }

    /// <summary>The absolute URL of a console path ("vessels/9074729", "" for the home page).</summary>
    public string Url(string path) => new Uri(_fixture.BaseAddress, "console/" + path.TrimStart('/')).AbsoluteUri;

    /// <summary>Opens a console path and waits until the shell has rendered a page heading.</summary>
    public async Task GotoAsync(string path, string? fragment = null)
    {
        await Page.GotoAsync(Url(path) + (fragment is null ? "" : "#" + fragment));
        await Page.Locator("h1").First.WaitForAsync();
    }

    /// <summary>Opens <paramref name="path"/> signed in as <paramref name="principal"/> by typing its key into the sign-in form.</summary>
    public async Task SignInAsync(ConsolePrincipal principal, string path = "")
    {
        ArgumentNullException.ThrowIfNull(principal);
        await GotoAsync(path);
        await Page.GetByLabel("API key").FillAsync(principal.Key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.GetByTestId("signed-in-as").WaitForAsync();
    }

    /// <summary>Follows an in-console link or navigates by the router: waits for the heading <paramref name="title"/>.</summary>
    public async Task WaitForTitleAsync(string title) =>
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title }).WaitForAsync();

    /// <summary>Waits until nothing is loading (no "Loading …" text on the page, of any of its parts).</summary>
    public async Task WaitForLoadedAsync() =>
        await Page.GetByTestId("loading").First.WaitForAsync(new() { State = WaitForSelectorState.Detached });

    /// <summary>A full-page screenshot at TestResults/console/{page}-{role}-{width}.png.</summary>
    public async Task ScreenshotAsync(string page, string role)
    {
        var file = RepositoryRoot.File($"TestResults/console/{page}-{role}-{Width}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await Page.ScreenshotAsync(new() { Path = file, FullPage = true });
    }

    /// <summary>axe-core on the page as it is: no violation of impact serious or critical.</summary>
    public async Task AssertAccessibleAsync()
    {
        var result = await Page.RunAxe();
        var severe = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(severe.Count == 0, $"axe at {Width} px on {Page.Url}:{Environment.NewLine}" + string.Join(Environment.NewLine, severe.Select(Describe)));
    }

    /// <summary>No request left 127.0.0.1 (none was let through: each was aborted and recorded).</summary>
    public void AssertStayedLocal()
    {
        var elsewhere = _elsewhere.Distinct().ToList();
        Assert.True(elsewhere.Count == 0, "Requests beyond the local host: " + string.Join(", ", elsewhere));
    }

    /// <summary>Closes the context, then fails the test if any request tried to leave the machine.</summary>
    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        AssertStayedLocal();
    }

    private static string Describe(AxeResultItem item) =>
        $"{item.Impact} {item.Id}: {item.Help} at {string.Join("; ", item.Nodes.Select(n => n.Target?.ToString()))}";

    private static bool IsLocal(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "blob" or "about"
        || uri.Host is "127.0.0.1";
}
