using Microsoft.Extensions.Logging;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// Keeps the in-progress mark of a running ingest alive: every third of the lease it moves the ingestion row's
/// <c>InProgressUntil</c> to now + lease, until disposed (when processing ends). A renewal that fails is logged and
/// tried again at the next tick; it never fails the ingest, whose mark at worst expires and lets the sweep in,
/// which ingest's idempotency makes harmless.
/// </summary>
public sealed partial class InProgressRenewal : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PeriodicTimer _timer;
    private readonly Task _loop;

    private InProgressRenewal(IngestionStore ingestions, string blobPath, string etag, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        // The timer exists once Start returns, so no tick of the clock after the start is missed.
        _timer = new PeriodicTimer(lease / 3, clock);
        _loop = RenewAsync(ingestions, blobPath, etag, lease, clock, logger);
    }

    /// <summary>Starts renewing the mark of upload (<paramref name="blobPath"/>, <paramref name="etag"/>), already set for one lease.</summary>
    public static InProgressRenewal Start(IngestionStore ingestions, string blobPath, string etag, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(ingestions);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);
        return new InProgressRenewal(ingestions, blobPath, etag, lease, clock, logger);
    }

    private async Task RenewAsync(IngestionStore ingestions, string blobPath, string etag, TimeSpan lease, TimeProvider clock, ILogger logger)
    {
        try
        {
            while (await _timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    await ingestions.MarkInProgressAsync(blobPath, etag, clock.GetUtcNow() + lease, _stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (!_stop.IsCancellationRequested)
                {
                    LogRenewalFailed(logger, blobPath, e.GetType().Name, e.Message);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Processing ended.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // A renewal cancelled in flight.
        }

        _timer.Dispose();
        _stop.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the in-progress mark of {BlobPath} ({Kind}: {Message}); the ingest goes on")]
    private static partial void LogRenewalFailed(ILogger logger, string blobPath, string kind, string message);
}
