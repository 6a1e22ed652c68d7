using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Receipts;
using PriceCapAttest.Pipeline.Records;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Tests.Telemetry;

/// <summary>The instruments of <see cref="PipelineTelemetry"/>, read with a MeterListener on the container's meter only.</summary>
public sealed class PipelineInstruments : IDisposable
{
    private readonly ServiceProvider _provider;
    private readonly MeterListener _listener = new();
    private readonly List<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = [];

    public PipelineInstruments()
    {
        _provider = new ServiceCollection().AddMetrics().AddSingleton<PipelineTelemetry>().BuildServiceProvider();
        var factory = _provider.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    private PipelineTelemetry Telemetry => _provider.GetRequiredService<PipelineTelemetry>();

    [Fact]
    public void The_Meter_And_Instruments_Have_The_Names_The_Alert_Rules_Query()
    {
        var telemetry = Telemetry;
        telemetry.RecordChecked([Checked(Verdict.Compliant)]);
        telemetry.RecordIngestDuration(TimeSpan.FromMilliseconds(250), ReceiptStatus.Processed);
        telemetry.RecordIngestFailure(IngestFailureReason.Error);
        telemetry.RecordDelivery(AlertDeliveryOutcome.Delivered, "EU");
        telemetry.RecordPoison(StorageNames.Queues.ViolationAlertsPoison);

        Assert.Equal(
            ["pricecap.alerts.deliveries", "pricecap.alerts.poison", "pricecap.attestations.checked", "pricecap.ingest.duration", "pricecap.ingest.failures"],
            _measurements.Select(m => m.Instrument).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal("PriceCapAttest", telemetry.ActivitySource.Name);
        var duration = Assert.Single(_measurements, m => m.Instrument == TelemetryNames.IngestDuration);
        Assert.Equal(0.25, duration.Value);
        Assert.Equal("Processed", duration.Tags["status"]);
    }

    [Fact]
    public void Each_Engaged_Regime_Counts_With_Its_Own_Verdict()
    {
        Telemetry.RecordChecked([Checked(Verdict.Violation, ("EU", Verdict.Violation), ("US", Verdict.Compliant))]);

        Assert.Equal(["EU:Violation", "US:Compliant"], Checks());
    }

    [Fact]
    public void An_Attestation_No_Regime_Judged_Counts_Once_As_Regime_None()
    {
        Telemetry.RecordChecked([Checked(Verdict.Rejected), Checked(Verdict.Exempt)]);

        Assert.Equal(["none:Rejected", "none:Exempt"], Checks());
    }

    [Fact]
    public void Delivery_Outcomes_And_Poison_Queues_Are_Tagged()
    {
        Telemetry.RecordDelivery(AlertDeliveryOutcome.Delivered, "EU");
        Telemetry.RecordDelivery(AlertDeliveryOutcome.Retried, "EU");
        Telemetry.RecordDelivery(AlertDeliveryOutcome.Failed, "GB");
        Telemetry.RecordPoison(StorageNames.Queues.BlobTriggerPoison);
        Telemetry.RecordIngestFailure(IngestFailureReason.GaveUp);

        Assert.Equal(["delivered", "retried", "failed"],
            _measurements.Where(m => m.Instrument == TelemetryNames.AlertDeliveries).Select(m => m.Tags["outcome"]));
        Assert.Equal("webjobs-blobtrigger-poison", Assert.Single(_measurements, m => m.Instrument == TelemetryNames.Poison).Tags["queue"]);
        Assert.Equal("gave_up", Assert.Single(_measurements, m => m.Instrument == TelemetryNames.IngestFailures).Tags["reason"]);
    }

    [Fact]
    public void The_Ingest_Span_Carries_The_Document_Path()
    {
        // Resolved first: the listener is asked about every source, also while the container is making this one.
        var telemetry = Telemetry;
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, telemetry.ActivitySource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(activities);

        using var activity = telemetry.StartIngest("attestations/s1/a.json");

        Assert.NotNull(activity);
        Assert.Equal("pricecap.ingest", activity.OperationName);
        Assert.Equal("attestations/s1/a.json", activity.GetTagItem("pricecap.blob_path"));
    }

    public void Dispose()
    {
        _listener.Dispose();
        _provider.Dispose();
    }

    private List<string> Checks() =>
        [.. _measurements.Where(m => m.Instrument == TelemetryNames.AttestationsChecked).Select(m => $"{m.Tags["regime"]}:{m.Tags["verdict"]}")];

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
            copy[tag.Key] = tag.Value;
        lock (_measurements)
            _measurements.Add((instrument.Name, value, copy));
    }

    private static CheckedAttestation Checked(Verdict verdict, params (string Regime, Verdict Verdict)[] regimes) => new(
        new CheckResult
        {
            Source = "test",
            Index = 0,
            Verdict = verdict,
            Regimes = [.. regimes.Select(r => new RegimeResult(r.Regime, r.Verdict, null, null, null, []))],
        },
        AttestationFacts.None);
}
