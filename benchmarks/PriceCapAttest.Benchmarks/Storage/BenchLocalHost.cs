using System.Collections.Concurrent;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// The local host (<see cref="LocalHostProcess"/>) as the storage sections run it: against a given storage
/// connection, with its own operator key, logging warnings only, counting the output lines of some phrases.
/// </summary>
public sealed class BenchLocalHost : IAsyncDisposable
{
    public const string ApiKey = "bench-local-key-0123456789";

    private readonly LocalHostProcess _host;
    private readonly ConcurrentDictionary<string, int> _phrases;

    private BenchLocalHost(LocalHostProcess host, ConcurrentDictionary<string, int> phrases) => (_host, _phrases) = (host, phrases);

    /// <summary>How many output lines so far contained <paramref name="phrase"/> (one of the phrases watched from the start).</summary>
    public int LinesContaining(string phrase) => _phrases[phrase];

    /// <summary>The host's root, e.g. http://127.0.0.1:port/.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>A client of the host's root (routes under api/) with the key.</summary>
    public HttpClient CreateClient()
    {
        var client = _host.CreateClient(ApiKey);
        client.BaseAddress = _host.BaseAddress;
        return client;
    }

    /// <param name="environment">Further settings of the host (e.g. log levels), applied after the defaults.</param>
    /// <param name="watchedPhrases">Phrases whose output lines are counted (<see cref="LinesContaining"/>).</param>
    public static async Task<BenchLocalHost> StartAsync(
        string dll, string connectionString, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? watchedPhrases = null)
    {
        var phrases = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        foreach (var phrase in watchedPhrases ?? [])
        {
            phrases[phrase] = 0;
        }

        // Only the first lines are kept (for a start-up failure); a long run's output is counted, not stored.
        var output = new OutputLines(limit: 200);
        output.Received += line =>
        {
            foreach (var phrase in phrases.Keys.Where(p => line.Contains(p, StringComparison.Ordinal)))
            {
                phrases.AddOrUpdate(phrase, 1, (_, count) => count + 1);
            }
        };
        var start = new LocalHostStart(dll) { ReadinessKey = ApiKey, Output = output };
        start.Environment["AzureWebJobsStorage"] = connectionString;
        // The operator (principal 3 of appsettings.json) reads every route the harness polls, receipts included; the
        // rate limit is lifted so the polling is measured, not throttled.
        start.Environment["LocalHost__Principals__3__Key"] = ApiKey;
        start.Environment["LocalHost__RateLimits__PermitLimit"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Function"] = "Warning";
        start.Environment["Logging__LogLevel__Host.Results"] = "Warning";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new BenchLocalHost(await LocalHostProcess.StartAsync(start).ConfigureAwait(false), phrases);
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
