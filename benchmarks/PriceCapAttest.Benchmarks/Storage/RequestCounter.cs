using System.Collections.Concurrent;
using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>
/// Counts the HTTP requests a set of storage clients sends (retries included) and times them by kind (method and
/// resource: table, container or queue, point or query), so the report can say where the time of a side goes.
/// </summary>
public sealed class RequestCounter : HttpPipelinePolicy
{
    private readonly ConcurrentDictionary<string, (long Count, long Ticks)> _kinds = new(StringComparer.Ordinal);
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public T Add<T>(T options) where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return options;
    }

    public void ResetKinds() => _kinds.Clear();

    /// <summary>Request kinds by total time, largest first: kind, count, mean milliseconds.</summary>
    public IReadOnlyList<(string Kind, long Count, double MeanMs)> Kinds() =>
        [.. _kinds.OrderByDescending(k => k.Value.Ticks)
            .Select(k => (k.Key, k.Value.Count, k.Value.Ticks * 1000.0 / Stopwatch.Frequency / k.Value.Count))];

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = Stopwatch.GetTimestamp();
        ProcessNext(message, pipeline);
        Record(message, start);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ArgumentNullException.ThrowIfNull(message);
        var start = Stopwatch.GetTimestamp();
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Record(message, start);
    }

    private void Record(HttpMessage message, long start)
    {
        Interlocked.Increment(ref _count);
        var elapsed = Stopwatch.GetTimestamp() - start;
        var kind = Kind(message.Request);
        _kinds.AddOrUpdate(kind, (1, elapsed), (_, old) => (old.Count + 1, old.Ticks + elapsed));
    }

    private static string Kind(Request request) => RequestKinds.Of(request.Method.ToString(), request.Uri.Path, request.Uri.Query);
}
