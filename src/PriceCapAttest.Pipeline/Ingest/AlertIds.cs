using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// Alert ids stable per (shipper, attestation, version, regime, event type), so every retry or duplicate run
/// publishes the same id and the publisher records one alert: <c>{eventType}-{regime}-v{version}-{hash}</c>,
/// the hash being 24 hex digits of the SHA-256 of shipper and attestation id. An alert of a later evaluation of the
/// version (re-screening) adds its number: <c>{eventType}-{regime}-v{version}-e{evaluation}-{hash}</c>.
/// </summary>
public static class AlertIds
{
    public static string For(string shipperId, string attestationId, int version, string regime, string eventType, int evaluation = 1)
    {
        var identity = string.Join('\u001f', shipperId, attestationId);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..24];
        return evaluation <= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{eventType}-{regime}-v{version}-{hash}")
            : string.Create(CultureInfo.InvariantCulture, $"{eventType}-{regime}-v{version}-e{evaluation}-{hash}");
    }
}
