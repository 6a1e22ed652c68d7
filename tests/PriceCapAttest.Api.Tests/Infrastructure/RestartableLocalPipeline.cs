using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PriceCapAttest.RegulatorInbox;
using PriceCapAttest.Testing;

using static PriceCapAttest.Testing.Loopback;

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
    private readonly AzuriteProcess _azurite = new();
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly OutputLines _output = new();
    private LocalHostProcess? _host;
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
    public string HostOutput => _output.Tail(200);

    /// <summary>How many lines of every host start's output contain <paramref name="text"/>.</summary>
    public int OutputLines(string text) => _output.Count(text);

    /// <summary>Starts Azurite, the inbox and the host with <paramref name="environment"/> over the standard settings.</summary>
    public static async Task<RestartableLocalPipeline> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var pipeline = new RestartableLocalPipeline(environment);
        try
        {
            await pipeline._azurite.StartAsync();
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
        if (_host is not null)
        {
            throw new InvalidOperationException("The host is running already.");
        }

        var dll = BuildInfo.LocalHostDll;
        var start = ++_starts;
        var port = FreePort().ToString(CultureInfo.InvariantCulture);
        ApiBase = new Uri($"http://127.0.0.1:{port}/api/");
        var output = new OutputLines();
        output.Received += line => _output.Add($"[{start}] {line}");
        var info = new LocalHostStart(dll) { ReadinessKey = LocalPipelineFixture.InsurerKey, Output = output };
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

        _output.Add($"---- host start {start} on port {port} ----");
        Insurer?.Dispose();
        Operator?.Dispose();
        Insurer = Client(LocalPipelineFixture.InsurerKey);
        Operator = Client(LocalPipelineFixture.OperatorKey);
        _host = await LocalHostProcess.StartAsync(info);
    }

    /// <summary>
    /// Stops the host with SIGTERM and waits for it to exit. True when it stopped gracefully; false when it had to be
    /// killed (no SIGTERM on this platform, or no exit within <paramref name="timeout"/>).
    /// </summary>
    public async Task<bool> StopHostAsync(TimeSpan timeout)
    {
        var host = _host ?? throw new InvalidOperationException("The host was never started.");
        var (graceful, exitCode) = await host.StopAsync(timeout);
        _host = null;
        if (!graceful)
        {
            _output.Add($"---- the host did not stop within {timeout} of SIGTERM; killed ----");
        }

        _output.Add($"---- host stopped ({(graceful ? "SIGTERM" : "killed")}), exit code {exitCode} ----");
        return graceful;
    }

    public async ValueTask DisposeAsync()
    {
        Insurer?.Dispose();
        Operator?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
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
}
