using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Pipeline;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Functions;

/// <summary>A queued alert is delivered (one round) to the regulators of its regime.</summary>
public sealed class DispatchAlert(AlertDispatcher dispatcher)
{
    [Function(nameof(DispatchAlert))]
    public Task Run(
        [QueueTrigger(StorageNames.Queues.ViolationAlerts, Connection = "AzureWebJobsStorage")] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        dispatcher.DispatchAsync(message, dequeueCount, cancellationToken);
}
