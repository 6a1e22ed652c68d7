using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// Requests as Azurite's debug log (<c>--debug FILE</c>) records them: one "...StorageContextMiddleware:
/// RequestMethod=M RequestURL=U" line per request the emulator received, from any client (the local host as a child
/// process included, which no client-side counter can see). A window is a pair of byte offsets of the log.
/// </summary>
public sealed partial class AzuriteRequestLog(string path)
{
    public string Path { get; } = path;

    /// <summary>The log's current length: the start or end of a window.</summary>
    public long Offset => File.Exists(Path) ? new FileInfo(Path).Length : 0;

    /// <summary>
    /// Requests logged from byte <paramref name="from"/> on and stamped no later than <paramref name="until"/>, by kind
    /// (method, service resource, point/query/batch), most first. Azurite writes the log behind its work: wait for
    /// <see cref="WaitForQuietAsync"/> first; the time stamp, taken when a request is handled, bounds the window.
    /// </summary>
    public IReadOnlyList<(string Kind, long Count)> Kinds(long from, DateTimeOffset until)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var match = RequestLine().Match(line);
            if (!match.Success) continue;
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space > 0 && DateTimeOffset.TryParse(line.AsSpan(0, space), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var stamp) && stamp > until) continue;
            var kind = Kind(match.Groups["method"].Value, match.Groups["url"].Value);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return [.. kinds.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value))];
    }

    /// <summary>
    /// Requests logged from byte <paramref name="from"/> on, in the log's order, up to and including the first of kind
    /// <paramref name="last"/> (for an ingest: its receipt row, its last request). The log's order is the order
    /// Azurite handled them; its time stamps can trail the handling by seconds when the log is busy (the transactions
    /// of a large file), which would cut off the last requests of a window bounded by time. Without such a line:
    /// <see cref="Kinds(long, DateTimeOffset)"/>.
    /// </summary>
    public IReadOnlyList<(string Kind, long Count)> KindsThrough(long from, string last, DateTimeOffset until)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        using (var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            stream.Seek(from, SeekOrigin.Begin);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                var match = RequestLine().Match(line);
                if (!match.Success) continue;
                var kind = Kind(match.Groups["method"].Value, match.Groups["url"].Value);
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
                if (kind == last)
                {
                    return [.. kinds.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value))];
                }
            }
        }

        return Kinds(from, until);
    }

    /// <summary>Waits until the log has not grown for a second (at most <paramref name="limit"/>).</summary>
    public async Task WaitForQuietAsync(TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var length = Offset;
        while (waited.Elapsed < limit)
        {
            await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            var now = Offset;
            if (now == length) return;
            length = now;
        }
    }

    private static string Kind(string method, string url)
    {
        var uri = new Uri(url);
        return RequestKinds.Of(method, uri.AbsolutePath, uri.Query);
    }

    [GeneratedRegex(@"StorageContextMiddleware: RequestMethod=(?<method>\S+) RequestURL=(?<url>\S+)")]
    private static partial Regex RequestLine();
}
