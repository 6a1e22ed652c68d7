using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Keys of the <c>Alerts</c> table, encoded with the pipeline's <see cref="KeyEncoder"/> (so they never hold
/// / \ # ? or control characters, and '|' can separate parts). PartitionKey = the attestation,
/// <c>{shipperId}|{attestationId}</c> as in the other tables, so all alerts of an attestation are one
/// single-partition query; RowKey = the alert id for the alert's own row and <c>{alert id}|{endpoint id}</c> for
/// its per-endpoint rows, which therefore sort right after it.
/// </summary>
public static class AlertKeys
{
    public const char Separator = KeyEncoder.Separator;

    public static string Partition(string shipperId, string attestationId) => KeyEncoder.Join(shipperId, attestationId);

    public static string Alert(string alertId) => KeyEncoder.Encode(alertId);

    public static string Endpoint(string alertId, Uri endpoint) =>
        KeyEncoder.Encode(alertId) + Separator + EndpointIdentity.Id(endpoint);

    /// <summary>Exclusive lower and upper bounds of the RowKeys of one alert's endpoint rows.</summary>
    public static (string After, string Before) EndpointRange(string alertId)
    {
        var encoded = KeyEncoder.Encode(alertId);
        return (encoded + Separator, encoded + (char)(Separator + 1));
    }
}
