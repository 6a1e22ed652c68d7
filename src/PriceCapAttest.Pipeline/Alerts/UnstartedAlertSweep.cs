using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Once at start-up, queues again the alerts queued before this host (or Functions instance) started whose delivery
/// never started (see <see cref="UnstartedAlertRequeuer"/>): after a stop or a scale-in, they are delivered within
/// seconds rather than after the queue trigger's 10 minutes. Both hosts run it (AddUnstartedAlertSweep).
/// </summary>
public sealed partial class UnstartedAlertSweep(
    UnstartedAlertRequeuer requeuer,
    TimeProvider clock,
    ILogger<UnstartedAlertSweep> logger) : BackgroundService
{
    private readonly DateTimeOffset _started = clock.GetUtcNow();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await requeuer.RequeueAsync(_started, stoppingToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage unavailable, say: those alerts then come when the queue makes their messages visible again.
            LogFailed(logger, e.GetType().Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Requeueing unstarted alerts failed ({Kind}: {Message}); they are delivered when their messages become visible again")]
    private static partial void LogFailed(ILogger logger, string kind, string message);
}
