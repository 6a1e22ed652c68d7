using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace PriceCapAttest.Testing;

/// <summary>
/// Azurite (the repository's pinned npm package, <c>node_modules/.bin/azurite</c>) on 127.0.0.1 with free ports,
/// telemetry off, in memory or in a temp folder (<see cref="AzuriteOptions"/>). It can be stopped (SIGTERM: Azurite
/// saves its metadata and exits, an orderly storage outage) and started again on the same ports. The process tree is
/// killed on dispose. Test projects wrap it in their xUnit fixtures.
/// </summary>
public class AzuriteProcess(AzuriteOptions? options = null) : IAsyncDisposable
{
    /// <summary>The well-known development account of the storage emulators.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;

    private readonly AzuriteOptions _options = options ?? new AzuriteOptions();
    private readonly OutputLines _output = new();
    private string? _location;
    private Process? _process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The running emulator (for CPU readings), or null.</summary>
    public Process? Process => _process;

    /// <summary>A connection string with explicit endpoints on 127.0.0.1 (what AzureWebJobsStorage would hold).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? clientOptions = null) =>
        new(ConnectionString, clientOptions ?? new BlobClientOptions());

    /// <summary>A queue client; without options, with Base64 message encoding, as the Functions and WebJobs hosts read messages.</summary>
    public QueueServiceClient CreateQueueServiceClient(QueueClientOptions? clientOptions = null) =>
        new(ConnectionString, clientOptions ?? new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public TableServiceClient CreateTableServiceClient(TableClientOptions? clientOptions = null) =>
        new(ConnectionString, clientOptions ?? new TableClientOptions());

    public BlobContainerClient CreateBlobContainerClient(string containerName) =>
        CreateBlobServiceClient().GetBlobContainerClient(containerName);

    public QueueClient CreateQueueClient(string queueName) => CreateQueueServiceClient().GetQueueClient(queueName);

    public TableClient CreateTableClient(string tableName) => CreateTableServiceClient().GetTableClient(tableName);

    /// <summary>
    /// A name unique to this run that is valid for a container, a queue (lower case letters, digits) and a table
    /// (letters and digits, starting with a letter): a prefix of letters plus 12 hex digits.
    /// </summary>
    public static string UniqueName(string prefix = "t") =>
        prefix.ToLowerInvariant() + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A new emulator, started (disposed again if it does not start).</summary>
    public static async Task<AzuriteProcess> RunAsync(AzuriteOptions? options = null)
    {
        var azurite = new AzuriteProcess(options);
        try
        {
            await azurite.StartAsync().ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Starts the emulator on free ports (new ones on each of 3 attempts: a port can be taken between choosing and
    /// binding it); after <see cref="StopAsync"/>, starts it again on the same ports and folder.
    /// </summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        if (BlobPort != 0)
        {
            await LaunchAsync().ConfigureAwait(false);
            return;
        }

        if (_options.Persistent)
        {
            _location = Path.Combine(Path.GetTempPath(), "pricecap-azurite-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(_location);
        }

        Exception? lastFailure = null;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var ports = Loopback.FreePorts(3);
            (BlobPort, QueuePort, TablePort) = (ports[0], ports[1], ports[2]);
            try
            {
                await LaunchAsync().ConfigureAwait(false);
                return;
            }
            catch (InvalidOperationException ex)
            {
                lastFailure = ex;
                Kill();
            }
        }

        throw new InvalidOperationException(
            $"Azurite did not start after {StartAttempts} attempts. Output:{Environment.NewLine}{_output.Tail(40)}", lastFailure);
    }

    /// <summary>Stops the emulator in order (SIGTERM), or kills it after 15 s; returns once its ports are closed.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
        {
            return;
        }

        _process = null;
        await ChildProcesses.TerminateAsync(process, TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        process.Dispose();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (await Loopback.AnswersAsync(port).ConfigureAwait(false))
            {
                await Task.Delay(50).ConfigureAwait(false);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        Kill();
        if (_location is not null)
        {
            try
            {
                Directory.Delete(_location, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }

            _location = null;
        }

        return ValueTask.CompletedTask;
    }

    private async Task LaunchAsync()
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new FileNotFoundException(
                $"Azurite is not installed: {azurite} is missing. Run `npm ci` in {RepositoryRoot.Path} " +
                "(it installs the version pinned in package.json and package-lock.json).", azurite);
        }

        var start = new ProcessStartInfo(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _location ?? Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
                     "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in _location is null ? ["--inMemoryPersistence"] : new[] { "--location", _location })
        {
            start.ArgumentList.Add(argument);
        }

        if (_options.DebugLogPath is not null)
        {
            start.ArgumentList.Add("--debug");
            start.ArgumentList.Add(_options.DebugLogPath);
        }

        var process = ChildProcesses.Start(start, _output.Add);
        _process = process;
        var clock = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await Loopback.AnswersAsync(port).ConfigureAwait(false))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {_output.Tail(40)}");
                }

                if (clock.Elapsed > _options.StartTimeout)
                {
                    throw new InvalidOperationException($"Azurite did not answer on port {port} within {_options.StartTimeout}.");
                }

                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    private void Kill()
    {
        var process = _process;
        _process = null;
        if (process is not null)
        {
            ChildProcesses.Kill(process);
        }
    }
}
