using System.Diagnostics;
using System.Diagnostics.Metrics;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Receipts;

namespace PriceCapAttest.Pipeline.Telemetry;

/// <summary>
/// The pipeline's instruments (meter <c>PriceCapAttest</c>, made by the container's <see cref="IMeterFactory"/>) and its
/// activity source. Recording costs next to nothing while no listener (OpenTelemetry SDK, test) is attached.
/// </summary>
public sealed class PipelineTelemetry : IDisposable
{
    private readonly Counter<long> _checked;
    private readonly Histogram<double> _ingestDuration;
    private readonly Counter<long> _ingestFailures;
    private readonly Counter<long> _deliveries;
    private readonly Counter<long> _poison;

    public PipelineTelemetry(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(TelemetryNames.Source);
        _checked = meter.CreateCounter<long>(TelemetryNames.AttestationsChecked, "{attestation}",
            "Attestations checked at ingest, one per attestation and engaged regime (regime \"none\" where no regime judged it).");
        _ingestDuration = meter.CreateHistogram<double>(TelemetryNames.IngestDuration, "s",
            "Time to ingest one uploaded document, from the read to the receipt.");
        _ingestFailures = meter.CreateCounter<long>(TelemetryNames.IngestFailures, "{failure}",
            "Ingest attempts that threw, and documents that ended with a Failed receipt.");
        _deliveries = meter.CreateCounter<long>(TelemetryNames.AlertDeliveries, "{delivery}",
            "Alert POSTs to regulator endpoints, by outcome.");
        _poison = meter.CreateCounter<long>(TelemetryNames.Poison, "{message}",
            "Messages that reached a poison queue and were handled by the pipeline.");
    }

    public ActivitySource ActivitySource { get; } = new(TelemetryNames.Source);

    /// <summary>Counts the check results of one document: per engaged regime with its verdict, else once as regime "none".</summary>
    public void RecordChecked(IReadOnlyList<CheckedAttestation> attestations)
    {
        ArgumentNullException.ThrowIfNull(attestations);
        if (!_checked.Enabled)
            return;

        foreach (var result in attestations.Select(a => a.Result))
        {
            if (result.Regimes.Count == 0)
            {
                _checked.Add(1, new TagList { { TelemetryNames.Tags.Verdict, VerdictName(result.Verdict) }, { TelemetryNames.Tags.Regime, TelemetryNames.NoRegime } });
                continue;
            }

            foreach (var regime in result.Regimes)
                _checked.Add(1, new TagList { { TelemetryNames.Tags.Verdict, VerdictName(regime.Verdict) }, { TelemetryNames.Tags.Regime, regime.Regime } });
        }
    }

    /// <summary>Records how long one document took; <paramref name="status"/> is the receipt's, or null when the attempt threw.</summary>
    public void RecordIngestDuration(TimeSpan elapsed, ReceiptStatus? status) =>
        _ingestDuration.Record(elapsed.TotalSeconds,
            new KeyValuePair<string, object?>(TelemetryNames.Tags.Status, status?.ToString() ?? "Error"));

    public void RecordIngestFailure(IngestFailureReason reason) =>
        _ingestFailures.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Tags.Reason, ReasonName(reason)));

    public void RecordDelivery(AlertDeliveryOutcome outcome, string regime) =>
        _deliveries.Add(1, new TagList { { TelemetryNames.Tags.Outcome, OutcomeName(outcome) }, { TelemetryNames.Tags.Regime, regime } });

    public void RecordPoison(string queue) =>
        _poison.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Tags.Queue, queue));

    /// <summary>Starts the span of one document's ingest (null while nothing listens).</summary>
    public Activity? StartIngest(string blobPath) =>
        ActivitySource.StartActivity(TelemetryNames.IngestActivity)?.SetTag(TelemetryNames.Tags.BlobPath, blobPath);

    /// <summary>Starts the span of one alert delivery round (null while nothing listens).</summary>
    public Activity? StartAlertDispatch() => ActivitySource.StartActivity(TelemetryNames.AlertDispatchActivity);

    public void Dispose() => ActivitySource.Dispose();

    // Fixed strings, so a tag value allocates nothing and never depends on the culture.
    private static string VerdictName(Verdict verdict) => verdict switch
    {
        Verdict.Exempt => nameof(Verdict.Exempt),
        Verdict.Compliant => nameof(Verdict.Compliant),
        Verdict.NeedsReview => nameof(Verdict.NeedsReview),
        Verdict.Violation => nameof(Verdict.Violation),
        Verdict.Rejected => nameof(Verdict.Rejected),
        _ => "Unknown",
    };

    private static string OutcomeName(AlertDeliveryOutcome outcome) => outcome switch
    {
        AlertDeliveryOutcome.Delivered => "delivered",
        AlertDeliveryOutcome.Retried => "retried",
        _ => "failed",
    };

    private static string ReasonName(IngestFailureReason reason) => reason switch
    {
        IngestFailureReason.Gone => "gone",
        IngestFailureReason.GaveUp => "gave_up",
        _ => "error",
    };
}
