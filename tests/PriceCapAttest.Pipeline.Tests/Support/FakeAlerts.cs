using System.Collections.Concurrent;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Support;

/// <summary>
/// Records every publish call; <see cref="Distinct"/> is what an idempotent publisher keeps (one per AlertId).
/// <see cref="Hold"/> keeps publish calls waiting, so a test can look at an ingest in the middle of its run.
/// </summary>
internal sealed class RecordingAlertPublisher : IAlertPublisher
{
    private readonly ConcurrentQueue<AlertMessage> _calls = new();
    private TaskCompletionSource? _release;
    private TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<AlertMessage> Calls => [.. _calls];

    public IReadOnlyList<AlertMessage> Distinct => [.. _calls.GroupBy(a => a.AlertId).Select(g => g.First())];

    public IReadOnlyList<AlertMessage> For(string shipperId) => [.. Calls.Where(a => a.ShipperId == shipperId)];

    /// <summary>From now on every publish waits for <see cref="Release"/>; the task completes when the first one is waiting.</summary>
    public Task Hold()
    {
        _reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _reached.Task;
    }

    public void Release() => _release?.TrySetResult();

    public Task PublishAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        _calls.Enqueue(alert);
        if (_release is not { } release)
        {
            return Task.CompletedTask;
        }

        _reached.TrySetResult();
        return release.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>Answers the deliveries it was given per (shipper, attestation).</summary>
internal sealed class StubAlertStatusReader : IAlertStatusReader
{
    public ConcurrentDictionary<(string, string), IReadOnlyList<AlertDelivery>> Deliveries { get; } = new();

    public Task<IReadOnlyList<AlertDelivery>> GetAsync(string shipperId, string attestationId, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.TryGetValue((shipperId, attestationId), out var list) ? list : (IReadOnlyList<AlertDelivery>)[]);
}
