using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Records;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Publishes the alerts of one evaluation of a version, once. At ingest: a violation alert per violated regime, and
/// a resolved alert per regime the version it replaced violated and it no longer does. After re-screening: a
/// violation alert per regime newly violated, a resolved alert per regime no longer violated (regimes violated before
/// and after were alerted already). Ids are stable per evaluation, the publisher is idempotent per id, and the
/// version row records the evaluation whose alerts went out, so a redelivery or a resumed run publishes nothing again.
/// </summary>
public sealed class VersionAlerts(AttestationRecordStore records, IAlertPublisher alerts, TimeProvider clock)
{
    /// <returns>How many alerts were queued (0 when they had been already).</returns>
    public async Task<int> PublishAsync(AttestationVersion version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.AlertsPublished || !version.CanHaveAlerts)
        {
            // Nothing to publish, or published already: no mark to write (a redelivery finds nothing again).
            return 0;
        }

        var violated = version.ViolatedRegimes;
        IReadOnlyList<string> raised = violated;
        IReadOnlyList<string> resolved = [];
        if (version.Evaluation.Number > 1)
        {
            raised = [.. violated.Except(version.PriorViolations, StringComparer.Ordinal)];
            resolved = [.. version.PriorViolations.Except(violated, StringComparer.Ordinal)];
        }
        else if (version.PreviousCurrentVersion is { } previousNumber &&
                 await records.GetVersionAsync(version.ShipperId, version.AttestationId, previousNumber, cancellationToken).ConfigureAwait(false) is { } previous)
        {
            resolved = [.. previous.ViolatedRegimes.Except(violated, StringComparer.Ordinal)];
        }

        await alerts.PublishAllAsync(
            [.. raised.Select(regime => Alert(version, regime, AlertMessage.Violation)), .. resolved.Select(regime => Alert(version, regime, AlertMessage.Resolved))],
            cancellationToken).ConfigureAwait(false);

        await records.MarkAlertsPublishedAsync(version, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return raised.Count + resolved.Count;
    }

    private static AlertMessage Alert(AttestationVersion version, string regime, string eventType)
    {
        var evaluation = version.Evaluation;
        return new AlertMessage(
            AlertIds.For(version.ShipperId, version.AttestationId, version.Version, regime, eventType, evaluation.Number),
            eventType,
            version.ShipperId,
            version.AttestationId,
            version.Version,
            regime,
            version.BlobPath,
            version.Sha256,
            evaluation.EvaluatedAt ?? version.ReceivedAt,
            evaluation.Number,
            evaluation.Cause,
            evaluation.RescreenRunId,
            version.Result.ScheduleVersion);
    }
}
