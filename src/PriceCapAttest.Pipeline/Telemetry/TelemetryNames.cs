namespace PriceCapAttest.Pipeline.Telemetry;

/// <summary>
/// The names of the pipeline's meter, activity source, instruments and tags. Alert rules in infra/ query these:
/// renaming one breaks them (docs/telemetry.md lists them all).
/// </summary>
public static class TelemetryNames
{
    /// <summary>The name of the Meter and of the ActivitySource.</summary>
    public const string Source = "PriceCapAttest";

    public const string AttestationsChecked = "pricecap.attestations.checked";
    public const string IngestDuration = "pricecap.ingest.duration";
    public const string IngestFailures = "pricecap.ingest.failures";
    public const string AlertDeliveries = "pricecap.alerts.deliveries";
    public const string Poison = "pricecap.alerts.poison";

    public const string IngestActivity = "pricecap.ingest";
    public const string AlertDispatchActivity = "pricecap.alert.dispatch";

    /// <summary>Tag names.</summary>
    public static class Tags
    {
        public const string Verdict = "verdict";
        public const string Regime = "regime";
        public const string Status = "status";
        public const string Reason = "reason";
        public const string Outcome = "outcome";
        public const string Queue = "queue";
        public const string BlobPath = "pricecap.blob_path";
        public const string Attestations = "pricecap.attestations";
        public const string AlertId = "pricecap.alert_id";
        public const string Attempt = "pricecap.attempt";
    }

    /// <summary>The <c>regime</c> tag of an attestation that no regime judged (rejected, or no coalition nexus).</summary>
    public const string NoRegime = "none";
}
