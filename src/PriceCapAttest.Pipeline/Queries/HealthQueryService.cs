using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using PriceCapAttest.Pipeline.ScheduleSource;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// The health of what the API needs: storage (one table query of a single row, one container existence check), the
/// schedule source, and the alert queue's backlog. Each storage call is cut off after <see cref="CallTimeout"/>, so
/// an unreachable account answers within seconds despite the SDK's retries.
/// </summary>
public sealed class HealthQueryService(
    TableServiceClient tables, BlobServiceClient blobs, QueueServiceClient queues, ICapScheduleProvider schedules, TimeProvider clock)
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(3);

    private const string Reachable = "reachable";
    private const string Unreachable = "unreachable";

    public async Task<HealthAnswer> CheckAsync(CancellationToken cancellationToken)
    {
        var tablesUp = await ReachableAsync(async ct =>
        {
            await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct).AsPages().WithCancellation(ct).ConfigureAwait(false))
            {
                break;
            }
        }, cancellationToken).ConfigureAwait(false);
        var blobsUp = await ReachableAsync(
            async ct => await blobs.GetBlobContainerClient(StorageNames.Containers.Attestations).ExistsAsync(ct).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        var schedule = await ScheduleAsync(cancellationToken).ConfigureAwait(false);
        var alerts = new AlertQueueHealth(
            await CountAsync(StorageNames.Queues.ViolationAlerts, cancellationToken).ConfigureAwait(false),
            await CountAsync(StorageNames.Queues.ViolationAlertsPoison, cancellationToken).ConfigureAwait(false));

        var failing = new List<string>();
        if (!tablesUp || !blobsUp)
        {
            failing.Add("storage");
        }

        if (schedule.Status == "unavailable")
        {
            failing.Add("schedule");
        }

        return new HealthAnswer(
            failing.Count == 0 ? HealthAnswer.Healthy : HealthAnswer.Unhealthy,
            failing,
            new StorageHealth(tablesUp ? Reachable : Unreachable, blobsUp ? Reachable : Unreachable),
            schedule,
            alerts);
    }

    private async Task<ScheduleHealth> ScheduleAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken);
            var checker = await schedules.GetCurrentAsync(timeout.Token).ConfigureAwait(false);
            var status = schedules.Status;
            var stale = checker.Schedule.StaleOn(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime)).Count;
            var state = status.LastError is not null ? "refused" : stale > 0 ? "stale" : "valid";
            return new ScheduleHealth(state, checker.Schedule.Version, status.Source, status.LastCheckedAt, stale);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            var status = schedules.Status;
            return new ScheduleHealth("unavailable", status.Version, status.Source, status.LastCheckedAt, 0);
        }
    }

    private async Task<int?> CountAsync(string queue, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken);
            var properties = await queues.GetQueueClient(queue).GetPropertiesAsync(timeout.Token).ConfigureAwait(false);
            return properties.Value.ApproximateMessagesCount;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private static async Task<bool> ReachableAsync(Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = Timeout(cancellationToken);
            await call(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static CancellationTokenSource Timeout(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(CallTimeout);
        return source;
    }
}
