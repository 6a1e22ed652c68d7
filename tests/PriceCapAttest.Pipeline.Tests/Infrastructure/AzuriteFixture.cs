using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

using static PriceCapAttest.Pipeline.Tests.Infrastructure.AzuriteProcessSupport;

namespace PriceCapAttest.Pipeline.Tests.Infrastructure;

/// <summary>
/// Starts one Azurite (the repository's pinned npm package, <c>node_modules/.bin/azurite</c>) on 127.0.0.1 with
/// free ports and in-memory persistence, for all tests of the <see cref="AzuriteCollection"/>. Tests isolate
/// themselves with unique container, queue and table names (see <see cref="UniqueName"/>), or by unique keys in the
/// pipeline's own tables. The process tree is killed on dispose.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The well-known development account of the storage emulators.</summary>
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const int StartAttempts = 3;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private Process? _process;
    private readonly List<string> _output = [];

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    /// <summary>A connection string with explicit endpoints on 127.0.0.1 (what AzureWebJobsStorage would hold).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    public BlobServiceClient CreateBlobServiceClient() => new(ConnectionString);

    /// <summary>A queue client with Base64 message encoding, as the Functions and WebJobs hosts read messages.</summary>
    public QueueServiceClient CreateQueueServiceClient() =>
        new(ConnectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });

    public TableServiceClient CreateTableServiceClient() => new(ConnectionString);

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

    public async Task InitializeAsync()
    {
        var azurite = FindAzurite();
        Exception? lastFailure = null;
        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            try
            {
                await StartAsync(azurite);
                return;
            }
            catch (InvalidOperationException ex)
            {
                // Most likely a port taken between choosing and binding it: try again with new ports.
                lastFailure = ex;
                StopProcess();
            }
        }

        throw new InvalidOperationException(
            $"Azurite did not start after {StartAttempts} attempts. Output:{Environment.NewLine}{OutputText()}", lastFailure);
    }

    public Task DisposeAsync()
    {
        StopProcess();
        return Task.CompletedTask;
    }

    private async Task StartAsync(string azurite)
    {
        BlobPort = FreePort();
        QueuePort = FreePort();
        TablePort = FreePort();
        while (QueuePort == BlobPort)
        {
            QueuePort = FreePort();
        }

        while (TablePort == BlobPort || TablePort == QueuePort)
        {
            TablePort = FreePort();
        }

        var start = new ProcessStartInfo(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
                     "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        lock (_output)
        {
            _output.Clear();
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start {azurite}.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await AnswersAsync(port))
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}.");
                }

                if (deadline.Elapsed > StartTimeout)
                {
                    throw new InvalidOperationException($"Azurite did not answer on port {port} within {StartTimeout}.");
                }

                await Task.Delay(100);
            }
        }
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

    private string OutputText()
    {
        lock (_output)
        {
            return string.Join(Environment.NewLine, _output);
        }
    }

    private void StopProcess()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }
        finally
        {
            process.Dispose();
        }
    }
}

/// <summary>One Azurite for every test class marked <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
