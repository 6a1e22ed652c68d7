using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

using PriceCapAttest.Benchmarks.Infrastructure;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// Azurite (the repository's pinned npm package, <c>node_modules/.bin/azurite</c>) on 127.0.0.1 with free ports,
/// in-memory persistence, telemetry off. One per storage section, so the sections do not see each other's data.
/// The process tree is killed on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    public const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private AzuriteProcess(Process process, int blob, int queue, int table)
    {
        _process = process;
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/{AccountName};QueueEndpoint=http://127.0.0.1:{queue}/{AccountName};" +
            $"TableEndpoint=http://127.0.0.1:{table}/{AccountName};";
    }

    public string ConnectionString { get; }

    /// <summary>CPU time the emulator has used so far (null where it cannot be read).</summary>
    public TimeSpan? CpuTime => ProcessCpu.Of(_process);

    /// <summary>Starts the emulator; with <paramref name="debugLogPath"/>, Azurite writes its debug log there (one line per request among others).</summary>
    public static async Task<AzuriteProcess> StartAsync(string repositoryRoot, string? debugLogPath = null)
    {
        var azurite = Path.Combine(repositoryRoot, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"{azurite} is missing: run `npm ci` in {repositoryRoot} (./bench.sh does).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var ports = FreePorts(3);
            var start = new ProcessStartInfo(azurite)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetTempPath(),
            };
            foreach (var argument in new[]
                     {
                         "--blobHost", "127.0.0.1", "--blobPort", Text(ports[0]),
                         "--queueHost", "127.0.0.1", "--queuePort", Text(ports[1]),
                         "--tableHost", "127.0.0.1", "--tablePort", Text(ports[2]),
                         "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--silent", "--loose",
                     })
            {
                start.ArgumentList.Add(argument);
            }

            if (debugLogPath is not null)
            {
                start.ArgumentList.Add("--debug");
                start.ArgumentList.Add(debugLogPath);
            }

            var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {azurite}.");
            ChildProcesses.Track(process);
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var azuriteProcess = new AzuriteProcess(process, ports[0], ports[1], ports[2]);
            if (await AnswersAsync(process, ports).ConfigureAwait(false))
            {
                return azuriteProcess;
            }

            await azuriteProcess.DisposeAsync().ConfigureAwait(false);
            if (attempt == 3)
            {
                throw new InvalidOperationException("Azurite did not start after 3 attempts.");
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        ChildProcesses.Kill(_process);
        return ValueTask.CompletedTask;
    }

    private static async Task<bool> AnswersAsync(Process process, int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    break;
                }
                catch (SocketException)
                {
                    if (process.HasExited || deadline.Elapsed > TimeSpan.FromSeconds(30))
                    {
                        return false;
                    }

                    await Task.Delay(100).ConfigureAwait(false);
                }
            }
        }

        return true;
    }

    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
