using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.LocalHost.Jobs;

/// <summary>
/// Once at start-up, queues again the alerts a previous run of the host queued but never started delivering (see
/// <see cref="UnstartedAlertRequeuer"/>): after a stop, they are delivered within seconds rather than 10 minutes.
/// </summary>
internal sealed partial class UnstartedAlertSweep(
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
