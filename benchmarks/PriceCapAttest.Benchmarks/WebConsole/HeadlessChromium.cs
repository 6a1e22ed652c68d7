using Microsoft.Playwright;

namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright, with the flags of the console tests
/// (tests/PriceCapAttest.Console.Tests/Infrastructure/HeadlessChromium.cs: no browser download, no network services of
/// the browser itself), plus a proxy that does not exist for every address but the loopback: a request that would
/// leave 127.0.0.1 fails in the browser without Playwright routing (which would switch off the HTTP cache that the warm
/// loads measure, and put a round trip through the driver in front of every request).
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
        // Port 9 (discard) on the loopback: nothing listens, so any proxied request fails at once. Chromium never
        // proxies 127.0.0.1 and localhost.
        "--proxy-server=http://127.0.0.1:9",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        if (!File.Exists(Executable))
        {
            throw new FileNotFoundException(
                $"{Executable} is missing: run `apt-get update && apt-get install -y --no-install-recommends chromium` (./test.sh does as root).", Executable);
        }

        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = Args }).ConfigureAwait(false);
    }
}
