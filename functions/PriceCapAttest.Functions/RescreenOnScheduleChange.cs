using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Pipeline.Rescreening;

namespace PriceCapAttest.Functions;

/// <summary>
/// Every minute: when a new cap schedule is in force, re-screens the stored attestations it can affect (or resumes
/// the run a stopped instance left open). Timer functions run on one instance at a time.
/// </summary>
public sealed class RescreenOnScheduleChange(RescreenCoordinator coordinator)
{
    [Function(nameof(RescreenOnScheduleChange))]
    public Task Run([TimerTrigger("0 */1 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        coordinator.StepAsync(cancellationToken);
}
