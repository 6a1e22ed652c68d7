using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Options;
using PriceCapAttest.Pipeline.Rescreening;

namespace PriceCapAttest.LocalHost.Jobs;

/// <summary>
/// Every <see cref="RescreenOptions.Interval"/>, asks the coordinator to re-screen for a newly published schedule
/// (or to resume a run a stopped host left open). The Functions app does the same from a timer.
/// </summary>
internal sealed partial class RescreenWorker(
    RescreenCoordinator coordinator,
    IOptions<RescreenOptions> options,
    TimeProvider clock,
    ILogger<RescreenWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled) return;

        using var timer = new PeriodicTimer(settings.Interval, clock);
        do
        {
            try
            {
                await coordinator.StepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage unavailable, say: the run (if any) keeps its cursor and the next tick resumes it.
                LogStepFailed(logger, e.GetType().Name, e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-screening step failed ({Kind}: {Message}); retrying at the next interval")]
    private static partial void LogStepFailed(ILogger logger, string kind, string message);
}
