using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.RegulatorInbox;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// A private pipeline for one test: its own Azurite and regulator inbox, and the local host as a child process that
/// can be stopped (SIGTERM, as a service manager stops it) and started again on the same storage and the same inbox.
/// Extra host settings (environment variables) are given at creation. Re-screening state is account-wide, so tests
/// that publish schedules use one of these each rather than the shared <see cref="LocalPipelineFixture"/>.
/// </summary>
public sealed class RestartableLocalPipeline : IAsyncDisposable
{
    private static readonly string[] Regimes = ["US", "EU", "GB", "CA", "JP", "AU", "NZ", "CH", "NO"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly AzuriteFixture _azurite = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly List<string> _output = [];
    private Process? _host;
    private int _starts;

    private RestartableLocalPipeline(IReadOnlyDictionary<string, string> environment) => _environment = environment;

    public Inbox Inbox { get; private set; } = null!;

    /// <summary>The API of the running host (a new port at each start).</summary>
    public Uri ApiBase { get; private set; } = null!;

    /// <summary>An HTTP client with the insurer key, for the running host.</summary>
    public HttpClient Insurer { get; private set; } = null!;

    /// <summary>An HTTP client with the operator key (receipts, re-screening), for the running host.</summary>
    public HttpClient Operator { get; private set; } = null!;

    public BlobServiceClient Blobs => _azurite.CreateBlobServiceClient();

    public TableServiceClient Tables => _azurite.CreateTableServiceClient();

    public QueueServiceClient Queues => _azurite.CreateQueueServiceClient();

    /// <summary>The last lines the host processes (every start) wrote, for failure messages.</summary>
    public string HostOutput
    {
        get
        {
            lock (_output)
            {
                return string.Join(Environment.NewLine, _output.TakeLast(200));
            }
        }
    }

    /// <summary>How many lines of every host start's output contain <paramref name="text"/>.</summary>
    public int OutputLines(string text)
    {
        lock (_output)
        {
            return _output.Count(line => line.Contains(text, StringComparison.Ordinal));
        }
    }

    /// <summary>Starts Azurite, the inbox and the host with <paramref name="environment"/> over the standard settings.</summary>
    public static async Task<RestartableLocalPipeline> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var pipeline = new RestartableLocalPipeline(environment);
        try
        {
            await pipeline._azurite.InitializeAsync();
            pipeline.Inbox = await RegulatorInbox.Inbox.StartAsync("http://127.0.0.1:0", LocalPipelineFixture.SigningSecret);
            await pipeline.StartHostAsync();
            return pipeline;
        }
        catch
        {
            await pipeline.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the host process (again) and waits until its API answers.</summary>
    public async Task StartHostAsync()
    {
        if (_host is { HasExited: false })
        {
            throw new InvalidOperationException("The host is running already.");
        }

        _host?.Dispose();
        var dll = BuildInfo.LocalHostDll;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The local host is not built: {dll} is missing.");
        }

        var start = ++_starts;
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        ApiBase = new Uri($"http://127.0.0.1:{port}/api/");
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        info.ArgumentList.Add(dll);
        info.Environment["AzureWebJobsStorage"] = _azurite.ConnectionString;
        info.Environment["LocalHost__Urls"] = $"http://127.0.0.1:{port}";
        foreach (var (name, value) in LocalPipelineFixture.AccessSettings("LocalHost__", "__"))
        {
            info.Environment[name] = value;
        }

        info.Environment["Alerts__SigningSecret"] = LocalPipelineFixture.SigningSecret;
        foreach (var regime in Regimes)
        {
            info.Environment[$"Alerts__Routes__{regime}__0"] = new Uri(Inbox.BaseAddress, "/" + regime.ToLowerInvariant()).AbsoluteUri;
        }

        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }

        Record($"---- host start {start} on port {port} ----");
        var host = new Process { StartInfo = info };
        host.OutputDataReceived += (_, e) => Record(e.Data is null ? null : $"[{start}] {e.Data}");
        host.ErrorDataReceived += (_, e) => Record(e.Data is null ? null : $"[{start}] {e.Data}");
        host.Start();
        host.BeginOutputReadLine();
        host.BeginErrorReadLine();
        _host = host;

        Insurer?.Dispose();
        Operator?.Dispose();
        Insurer = Client(LocalPipelineFixture.InsurerKey);
        Operator = Client(LocalPipelineFixture.OperatorKey);

        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException($"The local host exited with code {host.ExitCode}:{Environment.NewLine}{HostOutput}");
            }

            try
            {
                using var response = await Insurer.GetAsync(new Uri("schedule", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The local host did not answer within {StartTimeout}:{Environment.NewLine}{HostOutput}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// Stops the host with SIGTERM and waits for it to exit. True when it stopped gracefully; false when it had to be
    /// killed (no SIGTERM on this platform, or no exit within <paramref name="timeout"/>).
    /// </summary>
    public async Task<bool> StopHostAsync(TimeSpan timeout)
    {
        var host = _host ?? throw new InvalidOperationException("The host was never started.");
        if (host.HasExited)
        {
            throw new InvalidOperationException($"The host had exited already (code {host.ExitCode}):{Environment.NewLine}{HostOutput}");
        }

        var graceful = false;
        if (!OperatingSystem.IsWindows())
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", host.Id.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false });
            if (kill is not null)
            {
                await kill.WaitForExitAsync();
                using var wait = new CancellationTokenSource(timeout);
                try
                {
                    await host.WaitForExitAsync(wait.Token);
                    graceful = true;
                }
                catch (OperationCanceledException)
                {
                    Record($"---- the host did not stop within {timeout} of SIGTERM; killed ----");
                }
            }
        }

        if (!host.HasExited)
        {
            host.Kill(entireProcessTree: true);
            await host.WaitForExitAsync();
        }

        host.WaitForExit(); // flushes the redirected output
        Record($"---- host stopped ({(graceful ? "SIGTERM" : "killed")}), exit code {host.ExitCode} ----");
        return graceful;
    }

    public async ValueTask DisposeAsync()
    {
        Insurer?.Dispose();
        Operator?.Dispose();
        if (_host is not null)
        {
            try
            {
                if (!_host.HasExited)
                {
                    _host.Kill(entireProcessTree: true);
                    await _host.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
                }
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }

            _host.Dispose();
        }

        if (Inbox is not null)
        {
            await Inbox.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
