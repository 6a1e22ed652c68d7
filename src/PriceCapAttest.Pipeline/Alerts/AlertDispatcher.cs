using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Delivers one queued alert to every endpoint configured for its regime, as a signed CloudEvent.
/// </summary>
/// <remarks>
/// <para><b>Retries and backoff.</b> A queue trigger retries a thrown message at once (host visibilityTimeout) and
/// allows no retry attributes, so a failed delivery does not throw. Each message is one delivery round, numbered in
/// the message (<see cref="AlertQueueMessage.Attempt"/>). After a round in which some endpoint failed, the
/// dispatcher queues round n+1 itself with a visibility delay of <c>BaseBackoff * 2^(n-1)</c> (capped at
/// MaxBackoff) and returns normally, so the host deletes round n. After round MaxAttempts it marks the alert and its
/// failed endpoints Failed and puts the message into <c>violation-alerts-poison</c> (Base64, as the host would).
/// Endpoints already Delivered are skipped in later rounds, so a receiver gets an alert once (per webhook-id).</para>
/// <para><b>Exceptions</b> are left for storage faults (and shutdown): the host then redelivers the same round
/// (its dequeueCount grows) and, after host.json maxDequeueCount, poisons it itself.</para>
/// <para><b>Duplicates.</b> The alert row records the highest round started; a first delivery of a message whose
/// round was already started (a stale copy) is dropped, and starting a round is an ETag-conditional update that
/// writes a new <see cref="AlertEntity.RoundClaim"/>, so two copies never run the same round concurrently. Other
/// writes to the row (the publisher's <c>QueuedAt</c> stamp) make the dispatcher read the row again, not give up.</para>
/// </remarks>
public sealed partial class AlertDispatcher
{
    public const string HttpClientName = "PriceCapAttest.Alerts";
    private const int MaxErrorLength = 300;
    private const int MaxConcurrentRetries = 5;

    private readonly AlertStorage _storage;
    private readonly IHttpClientFactory _httpClientFactory;
    private readonly AlertOptions _options;
    private readonly AlertSigner? _signer;
    private readonly TimeProvider _time;
    private readonly PipelineTelemetry _telemetry;
    private readonly ILogger<AlertDispatcher> _logger;

    public AlertDispatcher(
        AlertStorage storage,
        IHttpClientFactory httpClientFactory,
        IOptions<AlertOptions> options,
        TimeProvider time,
        PipelineTelemetry telemetry,
        ILogger<AlertDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _storage = storage ?? throw new ArgumentNullException(nameof(storage));
        _httpClientFactory = httpClientFactory ?? throw new ArgumentNullException(nameof(httpClientFactory));
        _options = options.Value;
        _signer = string.IsNullOrEmpty(_options.SigningSecret) ? null : new AlertSigner(_options.SigningSecret);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _telemetry = telemetry ?? throw new ArgumentNullException(nameof(telemetry));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    /// <summary>Runs the delivery round carried by <paramref name="messageBody"/> (the host's decoded message).</summary>
    public async Task<AlertDispatchOutcome> DispatchAsync(string messageBody, long dequeueCount, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageBody);
        using var activity = _telemetry.StartAlertDispatch();
        try
        {
            var outcome = await DispatchOnceAsync(messageBody, dequeueCount, activity, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(TelemetryNames.Tags.Outcome, outcome.ToString());
            return outcome;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            activity?.AddException(e).SetStatus(ActivityStatusCode.Error);
            throw;
        }
    }

    private async Task<AlertDispatchOutcome> DispatchOnceAsync(
        string messageBody, long dequeueCount, Activity? activity, CancellationToken cancellationToken)
    {
        await _storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        if (!AlertQueueMessage.TryParse(messageBody, out var message, out var parseError))
        {
            LogUnreadable(parseError ?? "unknown");
            await _storage.PoisonQueue.SendMessageAsync(messageBody, cancellationToken).ConfigureAwait(false);
            _telemetry.RecordPoison(StorageNames.Queues.ViolationAlertsPoison);
            return AlertDispatchOutcome.Unreadable;
        }

        var alert = message.Alert;
        var attempt = message.Attempt;
        activity?.SetTag(TelemetryNames.Tags.AlertId, alert.AlertId).SetTag(TelemetryNames.Tags.Regime, alert.Regime)
            .SetTag(TelemetryNames.Tags.Attempt, attempt);
        var row = await LoadOrCreateAlertRowAsync(alert, cancellationToken).ConfigureAwait(false);

        if (row.DeliveryStatus is AlertDeliveryStatus.Delivered or AlertDeliveryStatus.Failed)
        {
            LogAlreadySettled(alert.AlertId, row.Status);
            return AlertDispatchOutcome.AlreadySettled;
        }

        if (row.Attempts >= attempt && dequeueCount <= 1)
        {
            LogDuplicate(alert.AlertId, attempt);
            return AlertDispatchOutcome.Duplicate;
        }

        var started = await TryUpdateAsync(row, r =>
        {
            r.Attempts = Math.Max(r.Attempts, attempt);
            r.RoundClaim = Guid.NewGuid().ToString("N");
            r.UpdatedAt = _time.GetUtcNow();
            r.NextAttemptAt = null;
        }, cancellationToken).ConfigureAwait(false);
        if (started is null)
        {
            LogDuplicate(alert.AlertId, attempt);
            return AlertDispatchOutcome.Duplicate;
        }

        row = started;

        var endpoints = _options.EndpointsFor(alert.Regime);
        if (endpoints.Count == 0)
        {
            var error = string.Create(CultureInfo.InvariantCulture,
                $"No endpoint is configured for regime {alert.Regime} (Alerts:Routes:{alert.Regime}).");
            return await GiveUpAsync(row, messageBody, error, cancellationToken).ConfigureAwait(false);
        }

        var signer = _signer ?? throw new InvalidOperationException("Alerts:SigningSecret is not configured.");
        var existing = await LoadEndpointRowsAsync(alert, cancellationToken).ConfigureAwait(false);
        var (body, contentType) = AlertCloudEvent.Encode(AlertCloudEvent.Create(alert, _options.ApiBaseUrl));
        var isLastRound = attempt >= _options.MaxAttempts;

        // All endpoints at once: a slow or hanging one costs at most RequestTimeout and delays no other.
        var results = await Task.WhenAll(endpoints.Select(endpoint =>
        {
            existing.TryGetValue(AlertKeys.Endpoint(alert.AlertId, endpoint), out var endpointRow);
            return endpointRow?.DeliveryStatus == AlertDeliveryStatus.Delivered
                ? Task.FromResult<string?>(null)
                : DeliverAsync(alert, endpoint, endpointRow, signer, body, contentType, isLastRound, cancellationToken);
        })).ConfigureAwait(false);

        var firstError = results.FirstOrDefault(error => error is not null);
        if (firstError is null)
        {
            await TryUpdateAsync(row, r =>
            {
                r.Status = nameof(AlertDeliveryStatus.Delivered);
                r.LastError = null;
                r.UpdatedAt = _time.GetUtcNow();
            }, cancellationToken).ConfigureAwait(false);
            LogDelivered(alert.AlertId, endpoints.Count, attempt);
            return AlertDispatchOutcome.Delivered;
        }

        if (isLastRound)
            return await GiveUpAsync(row, messageBody, firstError, cancellationToken).ConfigureAwait(false);

        var delay = AlertBackoff.After(attempt, _options.BaseBackoff, _options.MaxBackoff);
        await _storage.Queue
            .SendMessageAsync(new AlertQueueMessage(attempt + 1, alert).ToJson(), visibilityTimeout: delay, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        await TryUpdateAsync(row, r =>
        {
            r.LastError = firstError;
            r.UpdatedAt = _time.GetUtcNow();
            r.NextAttemptAt = r.UpdatedAt + delay;
        }, cancellationToken).ConfigureAwait(false);
        LogRetryScheduled(alert.AlertId, attempt, delay, firstError);
        return AlertDispatchOutcome.RetryScheduled;
    }

    /// <summary>POSTs the event to one endpoint and records the outcome; returns the error, or null when delivered.</summary>
    private async Task<string?> DeliverAsync(
        AlertMessage alert,
        Uri endpoint,
        AlertEntity? endpointRow,
        AlertSigner signer,
        byte[] body,
        string contentType,
        bool isLastRound,
        CancellationToken cancellationToken)
    {
        var row = endpointRow ?? AlertEntity.ForEndpoint(alert, endpoint, _time.GetUtcNow());
        var webhookId = EndpointIdentity.WebhookId(alert.AlertId, endpoint);
        var signature = signer.Sign(webhookId, _time.GetUtcNow(), Encoding.UTF8.GetString(body));

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation(WebhookSignature.IdHeader, signature.WebhookId);
        request.Headers.TryAddWithoutValidation(WebhookSignature.TimestampHeader, signature.Timestamp);
        request.Headers.TryAddWithoutValidation(WebhookSignature.SignatureHeader, signature.Signature);

        string? error = null;
        int? statusCode = null;
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = _httpClientFactory.CreateClient(HttpClientName);
            using var response = await client
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token)
                .ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
            if (!response.IsSuccessStatusCode)
            {
                error = string.Create(CultureInfo.InvariantCulture, $"HTTP {statusCode} {response.ReasonPhrase}").TrimEnd();
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"No answer within {_options.RequestTimeout.TotalSeconds:0.###} s.");
        }
        catch (HttpRequestException ex)
        {
            error = Describe(ex, endpoint);
        }

        var now = _time.GetUtcNow();
        row.Attempts++;
        row.LastStatusCode = statusCode;
        row.UpdatedAt = now;
        row.WebhookId = webhookId;
        if (error is null)
        {
            row.Status = nameof(AlertDeliveryStatus.Delivered);
            row.DeliveredAt = now;
            row.LastError = null;
            LogEndpointDelivered(alert.AlertId, row.Endpoint ?? "", webhookId);
            _telemetry.RecordDelivery(AlertDeliveryOutcome.Delivered, alert.Regime);
        }
        else
        {
            row.Status = (isLastRound ? AlertDeliveryStatus.Failed : AlertDeliveryStatus.Pending).ToString();
            row.LastError = error;
            LogEndpointFailed(alert.AlertId, row.Endpoint ?? "", error);
            _telemetry.RecordDelivery(isLastRound ? AlertDeliveryOutcome.Failed : AlertDeliveryOutcome.Retried, alert.Regime);
        }

        await _storage.Table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return error is null ? null : $"{row.Endpoint}: {error}";
    }

    private async Task<AlertDispatchOutcome> GiveUpAsync(
        AlertEntity row, string messageBody, string error, CancellationToken cancellationToken)
    {
        // Poison first: if marking Failed then fails, the host redelivers this round and it poisons again,
        // rather than leaving a Failed alert with no message to inspect.
        await _storage.PoisonQueue.SendMessageAsync(messageBody, cancellationToken).ConfigureAwait(false);
        _telemetry.RecordPoison(StorageNames.Queues.ViolationAlertsPoison);
        var lastError = Truncate(error);
        await TryUpdateAsync(row, r =>
        {
            r.Status = nameof(AlertDeliveryStatus.Failed);
            r.LastError = lastError;
            r.UpdatedAt = _time.GetUtcNow();
            r.NextAttemptAt = null;
        }, cancellationToken).ConfigureAwait(false);
        LogFailed(row.AlertId, row.Attempts, lastError);
        return AlertDispatchOutcome.Failed;
    }

    private async Task<AlertEntity> LoadOrCreateAlertRowAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var partition = AlertKeys.Partition(alert.ShipperId, alert.AttestationId);
        var rowKey = AlertKeys.Alert(alert.AlertId);
        var found = await _storage.Table
            .GetEntityIfExistsAsync<AlertEntity>(partition, rowKey, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        if (found.HasValue)
            return found.Value!;

        // Queued by something other than the publisher: record it now.
        var row = AlertEntity.ForAlert(alert, _time.GetUtcNow());
        row.QueuedAt = row.CreatedAt;
        try
        {
            var response = await _storage.Table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            row.ETag = response.Headers.ETag ?? ETag.All;
            return row;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var again = await _storage.Table.GetEntityAsync<AlertEntity>(partition, rowKey, cancellationToken: cancellationToken).ConfigureAwait(false);
            return again.Value;
        }
    }

    private async Task<Dictionary<string, AlertEntity>> LoadEndpointRowsAsync(AlertMessage alert, CancellationToken cancellationToken)
    {
        var partition = AlertKeys.Partition(alert.ShipperId, alert.AttestationId);
        var (after, before) = AlertKeys.EndpointRange(alert.AlertId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey gt {after} and RowKey lt {before}");
        var rows = new Dictionary<string, AlertEntity>(StringComparer.Ordinal);
        await foreach (var row in _storage.Table.QueryAsync<AlertEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            rows[row.RowKey] = row;
        return rows;
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the alert row and replaces it if nobody changed it since it was read.
    /// The publisher stamps <c>QueuedAt</c> on the row after queueing, so a dispatcher that picked the message up at
    /// once often finds the row changed under it: that is no competing dispatcher, so the row is read again and the
    /// change applied to it. A changed <see cref="AlertEntity.RoundClaim"/>, round or status means another
    /// dispatcher started a round (a stale copy, or a redelivery of the same round) or settled the alert: then null.
    /// </summary>
    private async Task<AlertEntity?> TryUpdateAsync(AlertEntity row, Action<AlertEntity> change, CancellationToken cancellationToken)
    {
        var (claim, attempts, status) = (row.RoundClaim, row.Attempts, row.Status);
        for (var tries = 0; ; tries++)
        {
            change(row);
            try
            {
                var response = await _storage.Table
                    .UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken)
                    .ConfigureAwait(false);
                row.ETag = response.Headers.ETag ?? row.ETag;
                return row;
            }
            catch (RequestFailedException ex) when (ex.Status == 412 && tries < MaxConcurrentRetries)
            {
                var fresh = (await _storage.Table
                    .GetEntityAsync<AlertEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)
                    .ConfigureAwait(false)).Value;
                if (fresh.RoundClaim != claim || fresh.Attempts != attempts || fresh.Status != status)
                {
                    LogConcurrentChange(row.AlertId);
                    return null;
                }

                row = fresh;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                LogConcurrentChange(row.AlertId);
                return null;
            }
        }
    }

    /// <summary>An error text for the status table: no URL (it may hold an access key), one line, truncated.</summary>
    internal static string Describe(Exception exception, Uri endpoint)
    {
        var text = exception.Message;
        if (exception.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message))
            text += " " + inner.Message;
        text = text.Replace(endpoint.AbsoluteUri, EndpointIdentity.Display(endpoint), StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(endpoint.Query))
            text = text.Replace(endpoint.Query, "", StringComparison.Ordinal);
        return Truncate(text);
    }

    internal static string Truncate(string text)
    {
        var line = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return line.Length <= MaxErrorLength ? line : line[..(MaxErrorLength - 3)] + "...";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} delivered to {EndpointCount} endpoint(s) in round {Attempt}.")]
    private partial void LogDelivered(string alertId, int endpointCount, int attempt);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert {AlertId} delivered to {Endpoint} as {WebhookId}.")]
    private partial void LogEndpointDelivered(string alertId, string endpoint, string webhookId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} to {Endpoint} failed: {Error}")]
    private partial void LogEndpointFailed(string alertId, string endpoint, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {AlertId} round {Attempt} failed; next round in {Delay}. Last error: {Error}")]
    private partial void LogRetryScheduled(string alertId, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Alert {AlertId} failed after {Attempts} round(s) and is in the poison queue: {Error}")]
    private partial void LogFailed(string alertId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} is already {Status}; message ignored.")]
    private partial void LogAlreadySettled(string alertId, string status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} round {Attempt} was already started by another message; this copy is ignored.")]
    private partial void LogDuplicate(string alertId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert {AlertId} changed concurrently; this dispatcher leaves it to the other one.")]
    private partial void LogConcurrentChange(string alertId);

    [LoggerMessage(Level = LogLevel.Error, Message = "A violation-alerts message is not an alert ({Reason}); moved to the poison queue.")]
    private partial void LogUnreadable(string reason);
}
