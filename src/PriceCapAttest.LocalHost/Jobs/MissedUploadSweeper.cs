using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Ingest;

namespace PriceCapAttest.LocalHost.Jobs;

/// <summary>
/// Every <see cref="LocalHostOptions.SweepInterval"/>, ingests uploads the polling blob trigger missed (older than
/// <see cref="LocalHostOptions.SweepMinimumAge"/>, so the trigger has had its chance), so that nothing uploaded to a
/// running local host is left without a receipt. On Azure, Event Grid delivers every upload and no sweep runs.
/// </summary>
internal sealed partial class MissedUploadSweeper(
    MissedUploadSweep sweep,
    IOptions<LocalHostOptions> options,
    TimeProvider clock,
    ILogger<MissedUploadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (settings.SweepInterval <= TimeSpan.Zero) return;

        using var timer = new PeriodicTimer(settings.SweepInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var ingested = await sweep.SweepAsync(clock.GetUtcNow() - settings.SweepMinimumAge, prefix: null, stoppingToken).ConfigureAwait(false);
                if (ingested > 0) LogSwept(logger, ingested);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Storage unavailable, say: the next tick tries again, and the trigger keeps running meanwhile.
                LogSweepFailed(logger, e.GetType().Name, e.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sweep ingested {Count} upload(s) the blob trigger had missed")]
    private static partial void LogSwept(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweep for missed uploads failed ({Kind}: {Message}); retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string kind, string message);
}
