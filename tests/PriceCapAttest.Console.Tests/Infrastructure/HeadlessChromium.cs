using Microsoft.Playwright;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (/usr/bin/chromium) driven by Playwright: never a browser Playwright downloads, no network
/// services of the browser itself (the flags as in Api.Tests' TheReferencePageInABrowser). Kept in this project rather
/// than PriceCapAttest.Testing: the Playwright package brings its driver into every output that references it.
/// </summary>
public static class HeadlessChromium
{
    public const string Executable = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        Assert.True(File.Exists(Executable),
            $"{Executable} is missing: ./test.sh installs it when run as root; otherwise run `apt-get update && apt-get install -y --no-install-recommends chromium`.");
        return await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Executable, Headless = true, Args = Args });
    }
}
