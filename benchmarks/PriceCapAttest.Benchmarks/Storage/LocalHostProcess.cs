using System.Diagnostics;
using System.Globalization;

using PriceCapAttest.Benchmarks.Infrastructure;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// The local host (<c>PriceCapAttest.LocalHost.dll</c>: WebJobs blob and queue triggers plus the HTTP API on
/// Kestrel) as a child process against a given storage connection, on a free port, with its own API key. Its
/// host.json is the repository's (blobs.maxDegreeOfParallelism, queue batch size). Killed on dispose.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string ApiKey = "bench-local-key-0123456789";

    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _phrases = new(StringComparer.Ordinal);

    private LocalHostProcess(Process process, Uri baseAddress, IEnumerable<string> watchedPhrases)
    {
        _process = process;
        BaseAddress = baseAddress;
        foreach (var phrase in watchedPhrases)
        {
            _phrases[phrase] = 0;
        }
    }

    /// <summary>How many output lines so far contained <paramref name="phrase"/> (one of the phrases watched from the start).</summary>
    public int LinesContaining(string phrase) => _phrases[phrase];

    private void Watch(string line)
    {
        foreach (var phrase in _phrases.Keys)
        {
            if (line.Contains(phrase, StringComparison.Ordinal))
            {
                _phrases.AddOrUpdate(phrase, 1, (_, count) => count + 1);
            }
        }
    }

    public Uri BaseAddress { get; }

    public HttpClient CreateClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", ApiKey);
        return client;
    }

    /// <param name="environment">Further settings of the host (e.g. log levels), applied after the defaults.</param>
    /// <param name="watchedPhrases">Phrases whose output lines are counted (<see cref="LinesContaining"/>).</param>
    public static async Task<LocalHostProcess> StartAsync(
        string dll, string connectionString, IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? watchedPhrases = null)
    {
        var port = AzuriteProcess.FreePorts(1)[0];
        var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.ArgumentList.Add(dll);
        start.Environment["AzureWebJobsStorage"] = connectionString;
        start.Environment["LocalHost__Urls"] = url;
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

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the local host.");
        ChildProcesses.Track(process);
        var host = new LocalHostProcess(process, new Uri(url + "/"), watchedPhrases ?? []);
        var output = new List<string>();
        void Received(string? line)
        {
            if (line is null) return;
            host.Watch(line);
            lock (output)
            {
                if (output.Count < 200) output.Add(line);
            }
        }

        process.OutputDataReceived += (_, e) => Received(e.Data);
        process.ErrorDataReceived += (_, e) => Received(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = host.CreateClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(new Uri("api/schedule", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(90))
            {
                await host.DisposeAsync().ConfigureAwait(false);
                string text;
                lock (output)
                {
                    text = string.Join(Environment.NewLine, output);
                }

                throw new InvalidOperationException("The local host did not become ready:" + Environment.NewLine + text);
            }

            await Task.Delay(250).ConfigureAwait(false);
        }
    }

    public ValueTask DisposeAsync()
    {
        ChildProcesses.Kill(_process);
        return ValueTask.CompletedTask;
    }
}
