using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>
/// Headless Chromium on the local host's console, signed in as the operator by the key in the fragment. Every request
/// of every context is recorded; any to anything but 127.0.0.1 fails in the browser (<see cref="HeadlessChromium"/>)
/// and <see cref="ThrowIfLeftTheMachine"/> fails the section on it.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseAddress;
    private readonly string _key;
    private readonly ConcurrentQueue<string> _elsewhere = new();

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, Uri baseAddress, string key) =>
        (_playwright, _browser, _baseAddress, _key) = (playwright, browser, baseAddress, key);

    public string Version => _browser.Version;

    public static async Task<ConsoleBrowser> StartAsync(Uri baseAddress, string key)
    {
        var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        try
        {
            return new ConsoleBrowser(playwright, await HeadlessChromium.LaunchAsync(playwright).ConfigureAwait(false), baseAddress, key);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    /// <summary>A load in a new browser context (nothing cached, no session): signed-in pages get the key through #key=.</summary>
    public async Task<PageLoad> ColdAsync(ConsolePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var context = await NewContextAsync().ConfigureAwait(false);
        await using (context.ConfigureAwait(false))
        {
            var tab = await context.NewPageAsync().ConfigureAwait(false);
            return await MeasureAsync(tab, page, () => tab.GotoAsync(Url(page), new() { WaitUntil = WaitUntilState.Commit })).ConfigureAwait(false);
        }
    }

    /// <summary>A context and tab on <paramref name="page"/>, opened once (cold, not measured), for warm reloads.</summary>
    public async Task<WarmTab> OpenWarmAsync(ConsolePage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var context = await NewContextAsync().ConfigureAwait(false);
        var tab = await context.NewPageAsync().ConfigureAwait(false);
        await MeasureAsync(tab, page, () => tab.GotoAsync(Url(page), new() { WaitUntil = WaitUntilState.Commit })).ConfigureAwait(false);
        return new WarmTab(context, tab, page);
    }

    /// <summary>Throws when any request of any context so far was for anything but 127.0.0.1.</summary>
    public void ThrowIfLeftTheMachine()
    {
        var elsewhere = _elsewhere.Distinct().ToList();
        if (elsewhere.Count > 0)
        {
            throw new InvalidOperationException("The console asked for something beyond 127.0.0.1: " + string.Join(", ", elsewhere));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync().ConfigureAwait(false);
        _playwright.Dispose();
    }

    private string Url(ConsolePage page) => new Uri(_baseAddress, "console/" + page.Path).AbsoluteUri + (page.SignedIn ? "#key=" + _key : "");

    private async Task<IBrowserContext> NewContextAsync()
    {
        var context = await _browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } }).ConfigureAwait(false);
        context.SetDefaultTimeout((float)Timeout.TotalMilliseconds);
        context.Request += (_, request) =>
        {
            if (!IsLocal(request.Url))
            {
                _elsewhere.Enqueue(request.Url);
            }
        };
        return context;
    }

    internal static async Task<PageLoad> MeasureAsync(IPage tab, ConsolePage page, Func<Task> navigate)
    {
        await navigate().ConfigureAwait(false);
        var rendered = await tab.WaitForFunctionAsync(page.RenderedScript).ConfigureAwait(false);
        var milliseconds = await rendered.JsonValueAsync<double>().ConfigureAwait(false);
        var files = await tab.EvaluateAsync<JsonElement>(ConsolePage.OwnFilesScript).ConfigureAwait(false);
        return new PageLoad(milliseconds, [.. files.EnumerateArray().Select(f =>
            new ConsoleFile(f[0].GetString()!, (long)f[1].GetDouble(), (long)f[2].GetDouble()))]);
    }

    private static bool IsLocal(string url) =>
        !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is "data" or "blob" or "about" || uri.Host is "127.0.0.1";
}
