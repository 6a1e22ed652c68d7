using Azure.Core;
using Azure.Core.Pipeline;

namespace PriceCapAttest.Benchmarks.Storage;

/// <summary>Counts the HTTP requests a set of storage clients sends (retries included).</summary>
public sealed class RequestCounter : HttpPipelineSynchronousPolicy
{
    private long _count;

    public long Count => Interlocked.Read(ref _count);

    public T Add<T>(T options) where T : ClientOptions
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(this, HttpPipelinePosition.PerRetry);
        return options;
    }

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _count);
}
