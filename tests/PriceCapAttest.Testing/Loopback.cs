using System.Net;
using System.Net.Sockets;

namespace PriceCapAttest.Testing;

/// <summary>Free loopback ports, and a check that a port answers.</summary>
public static class Loopback
{
    /// <summary>True when something accepts TCP connections on the loopback port (within a second).</summary>
    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>A loopback port free at this moment.</summary>
    public static int FreePort() => FreePorts(1)[0];

    /// <summary><paramref name="count"/> distinct loopback ports free at this moment (all held open while chosen).</summary>
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
}
