using System.Security.Cryptography;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

internal static class AlertTestData
{
    /// <summary>A fresh Standard Webhooks secret: whsec_ plus base64 of 32 random bytes.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static AlertMessage Violation(
        string? alertId = null,
        string shipperId = "SHIP-01",
        string attestationId = "ATT/2026/07#1",
        int version = 1,
        string regime = "EU",
        string eventType = AlertMessage.Violation) =>
        new(
            alertId ?? "alert-" + Guid.NewGuid().ToString("N")[..12],
            eventType,
            shipperId,
            attestationId,
            version,
            regime,
            $"attestations/{shipperId}/voyage-{version}.json",
            "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            new DateTimeOffset(2026, 7, 1, 8, 30, 0, TimeSpan.Zero));
}
