using System.Diagnostics;
using System.Globalization;

namespace PriceCapAttest.Testing;

/// <summary>
/// The local host (<c>PriceCapAttest.LocalHost.dll</c>: WebJobs blob and queue triggers plus the HTTP API on
/// Kestrel) as a child process, configured through environment variables (<see cref="LocalHostStart"/>), ready when
/// its API answers. Its host.json is the repository's. Stopped with SIGTERM as a service manager stops it; a restart
/// is a new start on the same storage. Killed on dispose.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private Process? _process;

    private LocalHostProcess(Process process, Uri baseAddress, OutputLines output)
    {
        _process = process;
        BaseAddress = baseAddress;
        Output = output;
    }

    /// <summary>The root of the host's Kestrel endpoint (http://127.0.0.1:port/).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The API under the root (.../api/).</summary>
    public Uri ApiBase => new(BaseAddress, "api/");

    public OutputLines Output { get; }

    /// <summary>A client of <see cref="ApiBase"/> sending <paramref name="apiKey"/> as <c>x-functions-key</c> (none when null).</summary>
    public HttpClient CreateClient(string? apiKey = null)
    {
        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { BaseAddress = ApiBase };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", apiKey);
        }

        return client;
    }

    /// <summary>Starts the host and waits until GET api/schedule answers with success.</summary>
    public static async Task<LocalHostProcess> StartAsync(LocalHostStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var (info, url) = StartInfo(start);
        var host = new LocalHostProcess(ChildProcesses.Start(info, start.Output.Add), new Uri(url.TrimEnd('/') + "/"), start.Output);
        try
        {
            await host.WaitUntilReadyAsync(start).ConfigureAwait(false);
            return host;
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs the host to its exit (a start-up that must fail): the exit code and every output line.</summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Output)> RunToExitAsync(LocalHostStart start, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(start);
        var process = ChildProcesses.Start(StartInfo(start).Info, start.Output.Add);
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ChildProcesses.Kill(process);
            throw new TimeoutException($"The local host did not exit within {timeout}:{Environment.NewLine}{start.Output.Tail(int.MaxValue)}");
        }

        process.WaitForExit(); // flushes the redirected output
        var exitCode = process.ExitCode;
        ChildProcesses.Kill(process);
        return (exitCode, start.Output.All);
    }

    /// <summary>
    /// Stops the host with SIGTERM and waits for it to exit. True when it stopped gracefully; false when it had to be
    /// killed (no SIGTERM on this platform, or no exit within <paramref name="timeout"/>).
    /// </summary>
    public async Task<(bool Graceful, int ExitCode)> StopAsync(TimeSpan timeout)
    {
        var process = _process ?? throw new InvalidOperationException("The host is stopped already.");
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The host had exited already (code {process.ExitCode}):{Environment.NewLine}{Output.Tail()}");
        }

        _process = null;
        var graceful = await ChildProcesses.TerminateAsync(process, timeout).ConfigureAwait(false);
        var exitCode = process.ExitCode;
        process.Dispose();
        return (graceful, exitCode);
    }

    public ValueTask DisposeAsync()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            ChildProcesses.Kill(process);
        }

        return ValueTask.CompletedTask;
    }

    private static (ProcessStartInfo Info, string Url) StartInfo(LocalHostStart start)
    {
        if (!File.Exists(start.Dll))
        {
            throw new InvalidOperationException($"The local host is not built: {start.Dll} is missing.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(start.Dll)!,
        };
        info.ArgumentList.Add(start.Dll);
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        if (start.Environment.TryGetValue("LocalHost__Urls", out var urls) && urls is not null)
        {
            urls = urls.Split(';')[0];
        }
        else
        {
            urls = "http://127.0.0.1:" + Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
            info.Environment["LocalHost__Urls"] = urls;
        }

        foreach (var (name, value) in start.Environment)
        {
            info.Environment[name] = value;
        }

        return (info, urls);
    }

    private async Task WaitUntilReadyAsync(LocalHostStart start)
    {
        using var client = CreateClient(start.ReadinessKey);
        client.Timeout = TimeSpan.FromSeconds(30);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process is { HasExited: true } exited)
            {
                throw new InvalidOperationException($"The local host exited with code {exited.ExitCode}:{Environment.NewLine}{Output.Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri("schedule", UriKind.Relative)).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > start.StartTimeout)
            {
                throw new TimeoutException($"The local host did not answer within {start.StartTimeout}:{Environment.NewLine}{Output.Tail()}");
            }

            await Task.Delay(200).ConfigureAwait(false);
        }
    }
}
