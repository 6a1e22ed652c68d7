namespace PriceCapAttest.Pipeline.Telemetry;

/// <summary>The <c>reason</c> tag of <c>pricecap.ingest.failures</c>.</summary>
public enum IngestFailureReason
{
    /// <summary>An ingest attempt threw (a storage fault, say); the host retries it.</summary>
    Error,

    /// <summary>The document was gone before it could be read: a Failed receipt.</summary>
    Gone,

    /// <summary>The host gave up after all retries: a Failed receipt from the poison path.</summary>
    GaveUp,
}
