namespace PriceCapAttest.LocalHost;

/// <summary>
/// Recognises the one known fault of the WebJobs SDK (3.0.48) at shutdown: after the host has stopped, disposing the
/// blob trigger's singleton listener releases its lock through a renewal timer that was already stopped, and
/// <c>TaskSeriesTimer.StopAsync</c> throws "The timer has already been stopped". Everything had shut down by then.
/// </summary>
internal static class WebJobsShutdown
{
    public static bool IsTimerAlreadyStopped(InvalidOperationException exception) =>
        exception.TargetSite?.DeclaringType?.FullName?.StartsWith("Microsoft.Azure.WebJobs.Host.Timers.TaskSeriesTimer", StringComparison.Ordinal) == true;
}
