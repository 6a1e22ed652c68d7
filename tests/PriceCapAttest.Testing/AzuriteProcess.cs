using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

using static PriceCapAttest.Pipeline.Tests.Infrastructure.AzuriteProcessSupport;

namespace PriceCapAttest.Reliability.Tests.Infrastructure;

/// <summary>
/// Azurite (the repository's pinned npm package) on 127.0.0.1 with free ports, persisting to a temp folder
/// (<c>--location</c>, not in memory) so that it can be stopped and started again on the same ports with its data.
/// Stopping sends SIGTERM (Azurite saves its metadata and exits), as an orderly storage outage; the folder is
/// deleted on dispose. One instance per test class (<see cref="IClassFixture{TFixture}"/>): the fault tests count
/// messages on the pipeline's own queues, which no other test may touch.
/// </summary>
public sealed class Emulator : IAsyncLifetime
{
    public const string AccountName = "devstoreaccount1";

    public const string AccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(40);
    private readonly string _location = Path.Combine(Path.GetTempPath(), "pricecap-azurite-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly List<string> _output = [];
    private Process? _process;

    public int BlobPort { get; private set; }
    public int QueuePort { get; private set; }
    public int TablePort { get; private set; }

    public bool IsRunning => _process is { HasExited: false };

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>
    /// Clients that give up quickly, so an outage surfaces as an exception within seconds (the tests' stand-in for
    /// the host's retry is the re-invocation, not the SDK's own retries).
    /// </summary>
    public static T Quick<T>(T options) where T : ClientOptions
    {
        options.Retry.MaxRetries = 1;
        options.Retry.Delay = TimeSpan.FromMilliseconds(50);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(200);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return options;
    }

    public BlobServiceClient Blobs() => new(ConnectionString, Quick(new BlobClientOptions()));

    public QueueServiceClient Queues() =>
        new(ConnectionString, Quick(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));

    public TableServiceClient Tables() => new(ConnectionString, Quick(new TableClientOptions()));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_location);
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            BlobPort = FreePort();
            QueuePort = FreePort();
            TablePort = FreePort();
            if (BlobPort == QueuePort || QueuePort == TablePort || BlobPort == TablePort)
                continue;
            try
            {
                await StartAsync();
                return;
            }
            catch (InvalidOperationException e)
            {
                last = e;
                Kill();
            }
        }

        throw new InvalidOperationException("Azurite did not start: " + OutputText(), last);
    }

    /// <summary>Starts Azurite again on the same ports and folder (after <see cref="StopAsync"/>).</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
            return;
        var start = new ProcessStartInfo(FindAzurite())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _location,
        };
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                     "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                     "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
                     "--location", _location, "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Record(e.Data);
        process.ErrorDataReceived += (_, e) => Record(e.Data);
        if (!process.Start())
            throw new InvalidOperationException("Could not start Azurite.");
        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var clock = Stopwatch.StartNew();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (!await AnswersAsync(port))
            {
                if (process.HasExited)
                    throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {OutputText()}");
                if (clock.Elapsed > StartTimeout)
                    throw new InvalidOperationException($"Azurite did not answer on port {port} within {StartTimeout}.");
                await Task.Delay(100);
            }
        }
    }

    /// <summary>Stops Azurite in order (SIGTERM: it saves its metadata), or kills it after 15 s.</summary>
    public async Task StopAsync()
    {
        var process = _process;
        if (process is null)
            return;
        _process = null;
        if (!process.HasExited)
        {
            using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", process.Id.ToString(CultureInfo.InvariantCulture) } }))
                await kill!.WaitForExitAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        process.Dispose();
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (await AnswersAsync(port))
                await Task.Delay(50);
        }
    }

    public Task DisposeAsync()
    {
        Kill();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }

        return Task.CompletedTask;
    }

    private void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
            return;
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
        }
        finally
        {
            process.Dispose();
        }
    }

    private void Record(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.Add(line);
    }

    private string OutputText()
    {
        lock (_output)
            return string.Join(Environment.NewLine, _output.TakeLast(40));
    }
}
