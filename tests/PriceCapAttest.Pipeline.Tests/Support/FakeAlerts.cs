using System.Collections.Concurrent;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Support;

/// <summary>Records every publish call; <see cref="Distinct"/> is what an idempotent publisher keeps (one per AlertId).</summary>
internal sealed class RecordingAlertPublisher : IAlertPublisher
{
    private readonly ConcurrentQueue<AlertMessage> _calls = new();

    public IReadOnlyList<AlertMessage> Calls => [.. _calls];

    public IReadOnlyList<AlertMessage> Distinct => [.. _calls.GroupBy(a => a.AlertId).Select(g => g.First())];

    public IReadOnlyList<AlertMessage> For(string shipperId) => [.. Calls.Where(a => a.ShipperId == shipperId)];

    public Task PublishAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        _calls.Enqueue(alert);
        return Task.CompletedTask;
    }
}

/// <summary>Answers the deliveries it was given per (shipper, attestation).</summary>
internal sealed class StubAlertStatusReader : IAlertStatusReader
{
    public ConcurrentDictionary<(string, string), IReadOnlyList<AlertDelivery>> Deliveries { get; } = new();

    public Task<IReadOnlyList<AlertDelivery>> GetAsync(string shipperId, string attestationId, CancellationToken cancellationToken) =>
        Task.FromResult(Deliveries.TryGetValue((shipperId, attestationId), out var list) ? list : (IReadOnlyList<AlertDelivery>)[]);
}
