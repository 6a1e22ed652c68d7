using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PriceCapAttest.WebConsole;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// The console alone on Kestrel at 127.0.0.1 (a free port), in this process: <c>AddPriceCapConsole</c> over an
/// in-memory configuration (section <c>Console</c>, nothing else: no environment variables, no files) and
/// <c>MapPriceCapConsole</c>, serving the bundle copied to this test project's output (console/). No API: a browser
/// test fulfils /api itself.
/// </summary>
public sealed class InProcessConsoleHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InProcessConsoleHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The host's root, e.g. http://127.0.0.1:port/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Console:Entra:* settings of a made-up tenant and app registrations (GUIDs, nothing real).</summary>
    public static IReadOnlyDictionary<string, string?> EntraSettings(string clientId, string authority, string scope) =>
        new Dictionary<string, string?>
        {
            ["Console:Entra:ClientId"] = clientId,
            ["Console:Entra:Authority"] = authority,
            ["Console:Entra:Scope"] = scope,
        };

    /// <summary>Starts the host; throws (OptionsValidationException) when the settings fail the start-up check.</summary>
    public static async Task<InProcessConsoleHost> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Assert.True(File.Exists(Path.Combine(ConsoleFiles.Root, ConsoleFiles.IndexFile)), $"No console bundle at {ConsoleFiles.Root}: build this project (it references PriceCapAttest.Console).");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddPriceCapConsole(builder.Configuration.GetSection(ConsoleOptions.Section));
        var app = builder.Build();
        app.MapPriceCapConsole();
        try
        {
            await app.StartAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Urls.Single();
        return new InProcessConsoleHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
