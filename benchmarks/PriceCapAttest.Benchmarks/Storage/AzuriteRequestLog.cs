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

    /// <summary>Requests logged in [<paramref name="from"/>, <paramref name="to"/>), by kind (method, service resource, point/query/batch), most first.</summary>
    public IReadOnlyList<(string Kind, long Count)> Kinds(long from, long to)
    {
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        using var stream = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Seek(from, SeekOrigin.Begin);
        using var reader = new StreamReader(new BoundedStream(stream, to - from), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            var match = RequestLine().Match(line);
            if (!match.Success) continue;
            var kind = Kind(match.Groups["method"].Value, match.Groups["url"].Value);
            kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
        }

        return [.. kinds.OrderByDescending(k => k.Value).Select(k => (k.Key, k.Value))];
    }

    private static string Kind(string method, string url)
    {
        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? Uri.UnescapeDataString(segments[1]) : "(account)";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren >= 0)
        {
            resource = resource[..paren] + (resource.Length > paren + 2 ? " (point)" : " (query)");
        }
        else if (resource == "$batch")
        {
            resource = "table batch";
        }
        else if (segments.Length > 2)
        {
            resource += segments[2] == "messages" ? " messages" : " blob";
        }

        if (uri.Query.Contains("comp=", StringComparison.Ordinal))
        {
            resource += " comp=" + uri.Query[(uri.Query.IndexOf("comp=", StringComparison.Ordinal) + 5)..].Split('&')[0];
        }

        return method + " " + resource;
    }

    [GeneratedRegex(@"StorageContextMiddleware: RequestMethod=(?<method>\S+) RequestURL=(?<url>\S+)")]
    private static partial Regex RequestLine();

    /// <summary>Reads at most a given number of bytes of a stream.</summary>
    private sealed class BoundedStream(Stream inner, long length) : Stream
    {
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_left <= 0) return 0;
            var read = inner.Read(buffer, offset, (int)Math.Min(count, _left));
            _left -= read;
            return read;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
