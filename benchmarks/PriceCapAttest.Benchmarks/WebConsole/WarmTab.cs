using Microsoft.Playwright;

namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>A context kept open on one page: each <see cref="ReloadAsync"/> is a warm load (hashed files from the HTTP cache).</summary>
public sealed class WarmTab(IBrowserContext context, IPage tab, ConsolePage page) : IAsyncDisposable
{
    public Task<PageLoad> ReloadAsync() => ConsoleBrowser.MeasureAsync(tab, page, () => tab.ReloadAsync(new() { WaitUntil = WaitUntilState.Commit }));

    public ValueTask DisposeAsync() => context.DisposeAsync();
}
