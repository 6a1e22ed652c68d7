using System.Net;
using System.Net.Sockets;

namespace PriceCapAttest.Pipeline.Tests.Infrastructure;

/// <summary>
/// What every fixture that starts its own Azurite needs: the pinned binary, free loopback ports, and a check that a
/// port answers. Linked into the other test projects that start one.
/// </summary>
internal static class AzuriteProcessSupport
{
    /// <summary>True when something accepts TCP connections on the loopback port (within a second).</summary>
    public static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
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
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Walks up from the test assembly's folder to the folder holding node_modules/.bin/azurite.</summary>
    public static string FindAzurite()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", "azurite");
            if (File.Exists(candidate))
            {
                return candidate;
            }

            if (File.Exists(Path.Combine(dir.FullName, "package.json")) && File.Exists(Path.Combine(dir.FullName, "PriceCapAttest.sln")))
            {
                throw new InvalidOperationException(
                    $"Azurite is not installed: {candidate} is missing. Run `npm ci` in {dir.FullName} " +
                    "(it installs the version pinned in package.json and package-lock.json).");
            }
        }

        throw new InvalidOperationException(
            $"Azurite was not found above {AppContext.BaseDirectory}: run `npm ci` in the repository root " +
            "(it installs the version pinned in package.json and package-lock.json).");
    }
}
