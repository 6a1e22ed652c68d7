using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// docs/webhooks.md against the code: the test vector is what the project's signer gives, the C# verification example
/// (copied here as it is in the document) accepts the signer's signatures and refuses tampered or stale ones, and the
/// envelope carries exactly the documented data fields.
/// </summary>
public sealed class WebhookVerificationExample
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_0123456789abcdef0123456789abcdef";
    private const string Body = """{"specversion":"1.0","id":"violation-EU-v1-e2-0f3c9a1b2d4e5f60718293a4","type":"org.pricecapattest.violation"}""";
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1764576000);

    [Fact]
    public void The_Documented_Test_Vector_Is_What_The_Signer_Gives()
    {
        var signed = new AlertSigner(Secret).Sign(Id, SentAt, Body);

        Assert.Equal("1764576000", signed.Timestamp);
        Assert.Equal("v1,JGCEX4RCH6m5Ensn9PyqJY3vH1cv4eCViE12W/Ka7qs=", signed.Signature);
    }

    [Fact]
    public void The_CSharp_Example_Verifies_The_Signers_Signature_And_Refuses_Tampering_And_Replays()
    {
        var secret = AlertTestData.NewSecret();
        var body = Encoding.UTF8.GetBytes(Body);
        var signed = new AlertSigner(secret).Sign(Id, SentAt, Body);

        Assert.True(Verify(secret, Id, signed.Timestamp, signed.Signature, body, SentAt.AddSeconds(20)));
        Assert.True(Verify(secret, Id, signed.Timestamp, "v1,bm90LXRoaXM= " + signed.Signature, body, SentAt));
        Assert.False(Verify(secret, Id, signed.Timestamp, signed.Signature, [.. body, (byte)' '], SentAt));
        Assert.False(Verify(secret, "msg_other", signed.Timestamp, signed.Signature, body, SentAt));
        Assert.False(Verify(AlertTestData.NewSecret(), Id, signed.Timestamp, signed.Signature, body, SentAt));
        Assert.False(Verify(secret, Id, signed.Timestamp, signed.Signature, body, SentAt.AddMinutes(6)));
    }

    [Fact]
    public void The_Envelope_Carries_The_Documented_Data_Fields()
    {
        var alert = AlertTestData.Violation() with { Evaluation = 2, Cause = "rescreen", RescreenRunId = "run-1", ScheduleVersion = "2026-12-01.1" };
        using var json = JsonDocument.Parse(AlertCloudEvent.Encode(AlertCloudEvent.Create(alert)).Body);

        Assert.Equal(
            ["data", "datacontenttype", "id", "source", "specversion", "subject", "time", "type"],
            json.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(
            ["alertId", "eventType", "shipperId", "attestationId", "version", "regime", "blobPath", "sha256", "createdAt", "link",
             "evaluation", "cause", "rescreenRunId", "scheduleVersion"],
            json.RootElement.GetProperty("data").EnumerateObject().Select(p => p.Name));
    }

    // As in docs/webhooks.md, "Verifying the signature", C#.
    private static bool Verify(string secret, string id, string timestamp, string signatureHeader, byte[] body, DateTimeOffset now)
    {
        if (!long.TryParse(timestamp, out var seconds) || Math.Abs(now.ToUnixTimeSeconds() - seconds) > 300)
            return false; // too old or from the future: a replay
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(key, signed)));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = candidate.Split(',', 2);
            if (parts.Length == 2 && parts[0] == "v1" &&
                CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(parts[1]), expected))
                return true;
        }

        return false;
    }
}
