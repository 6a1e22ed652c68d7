using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.Options;

namespace PriceCapAttest.Pipeline.ScheduleSource;

/// <summary>
/// <see cref="ICapScheduleProvider"/> over the schedule blob. One instance per process (singleton): it holds the
/// checker in force and re-reads the blob only when its ETag changed, never re-parsing an unchanged (or an already
/// refused) blob. The download is conditional on the ETag just seen, so the ETag recorded is the one parsed.
/// </summary>
public sealed partial class BlobCapScheduleProvider : ICapScheduleProvider, IDisposable
{
    private readonly BlobClient _blob;
    private readonly ScheduleOptions _options;
    private readonly CheckOptions _checkOptions;
    private readonly TimeProvider _clock;
    private readonly ILogger<BlobCapScheduleProvider> _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);

    private volatile State? _state;
    private long _lastCheckTicks = long.MinValue;

    public BlobCapScheduleProvider(
        BlobServiceClient blobs,
        IOptions<ScheduleOptions> options,
        IOptions<CheckThresholdOptions> checkOptions,
        IOptions<IngestOptions> ingestOptions,
        TimeProvider clock,
        ILogger<BlobCapScheduleProvider> logger)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(checkOptions);
        ArgumentNullException.ThrowIfNull(ingestOptions);
        _options = options.Value;
        _checkOptions = checkOptions.Value.ToCheckOptions(ingestOptions.Value.MaxDocumentBytes);
        _blob = blobs.GetBlobContainerClient(_options.BlobContainer).GetBlobClient(_options.BlobName);
        _clock = clock;
        _logger = logger;
    }

    public ScheduleStatus Status => _state?.Status ?? new ScheduleStatus(null, ScheduleSources.Embedded, BlobPath, null, null, null, null);

    private string BlobPath => $"{_options.BlobContainer}/{_options.BlobName}";

    public async ValueTask<AttestationChecker> GetCurrentAsync(CancellationToken cancellationToken) =>
        (await GetInForceAsync(cancellationToken).ConfigureAwait(false)).Checker;

    public async ValueTask<ScheduleInForce> GetInForceAsync(CancellationToken cancellationToken)
    {
        var state = _state;
        if (state is not null && !RefreshDue())
        {
            return state.InForce;
        }

        await _refresh.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            state = _state;
            if (state is not null && !RefreshDue())
            {
                return state.InForce;
            }

            Interlocked.Exchange(ref _lastCheckTicks, _clock.GetTimestamp());
            try
            {
                _state = await RefreshAsync(state, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (state is not null)
            {
                // A storage fault while checking: keep the schedule in force and try again next interval.
                LogCheckFailed(_logger, e, BlobPath);
            }

            return _state!.InForce;
        }
        finally
        {
            _refresh.Release();
        }
    }

    public void Dispose() => _refresh.Dispose();

    private bool RefreshDue()
    {
        var last = Interlocked.Read(ref _lastCheckTicks);
        return last == long.MinValue || _clock.GetElapsedTime(last) >= _options.RefreshInterval;
    }

    private async Task<State> RefreshAsync(State? state, CancellationToken cancellationToken)
    {
        var now = _clock.GetUtcNow();
        BlobProperties properties;
        try
        {
            properties = (await _blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (state is { Status.Source: ScheduleSources.Embedded })
            {
                return state with { Status = state.Status with { LastCheckedAt = now } };
            }

            var embedded = EmbeddedState(now);
            if (state is not null)
            {
                LogBlobGone(_logger, BlobPath, embedded.InForce.Version);
            }

            return embedded;
        }

        var etag = properties.ETag;
        if (state is not null && (etag.ToString() == state.Status.BlobETag || etag.ToString() == state.RefusedETag))
        {
            return state with { Status = state.Status with { LastCheckedAt = now } };
        }

        try
        {
            var json = (await _blob.DownloadContentAsync(
                new BlobDownloadOptions { Conditions = new BlobRequestConditions { IfMatch = etag } },
                cancellationToken).ConfigureAwait(false)).Value.Content.ToString().TrimStart('\uFEFF');
            var schedule = CapScheduleLoader.Load(json);
            LogLoaded(_logger, BlobPath, schedule.Version, etag.ToString());
            return new State(
                ScheduleInForce.Of(new AttestationChecker(schedule, _checkOptions, _clock), json),
                new ScheduleStatus(schedule.Version, ScheduleSources.Blob, BlobPath, etag.ToString(), now, now, null),
                RefusedETag: null);
        }
        catch (InvalidCapScheduleException e)
        {
            LogRefused(_logger, BlobPath, etag.ToString(), string.Join("; ", e.Problems));
            var refusal = new ScheduleRefusal(etag.ToString(), now, e.Problems);
            var kept = state ?? EmbeddedState(now);
            return kept with { Status = kept.Status with { LastCheckedAt = now, LastError = refusal }, RefusedETag = etag.ToString() };
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Changed or deleted between the two requests: look again at once on the next call.
            Interlocked.Exchange(ref _lastCheckTicks, long.MinValue);
            return state ?? EmbeddedState(now);
        }
    }

    private State EmbeddedState(DateTimeOffset now)
    {
        var schedule = CapScheduleLoader.LoadDefault();
        return new State(
            ScheduleInForce.Of(new AttestationChecker(schedule, _checkOptions, _clock), CapScheduleLoader.DefaultJson()),
            new ScheduleStatus(schedule.Version, ScheduleSources.Embedded, BlobPath, null, now, now, null),
            RefusedETag: null);
    }

    private sealed record State(ScheduleInForce InForce, ScheduleStatus Status, string? RefusedETag);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cap schedule {Version} loaded from {BlobPath} (ETag {ETag})")]
    private static partial void LogLoaded(ILogger logger, string blobPath, string version, string etag);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cap schedule blob {BlobPath} (ETag {ETag}) refused; the schedule in force stays. Problems: {Problems}")]
    private static partial void LogRefused(ILogger logger, string blobPath, string etag, string problems);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cap schedule blob {BlobPath} is gone; the embedded schedule {Version} is in force")]
    private static partial void LogBlobGone(ILogger logger, string blobPath, string version);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checking the cap schedule blob {BlobPath} failed; the schedule in force stays")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string blobPath);
}
