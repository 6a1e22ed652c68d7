using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using PriceCapAttest.Pipeline.Alerts;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

public sealed class AlertSigning
{
    private static readonly string Secret = AlertTestData.NewSecret();

    [Fact]
    public void Signature_Is_V1_Hmac_Sha256_Of_Id_Timestamp_And_Body()
    {
        var now = DateTimeOffset.UtcNow;
        const string body = "{\"specversion\":\"1.0\"}";
        var signed = new AlertSigner(Secret).Sign("msg_123", now, body);

        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        var expected = Convert.ToBase64String(
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"msg_123.{now.ToUnixTimeSeconds()}.{body}")));
        Assert.Equal("v1," + expected, signed.Signature);
        Assert.Equal(now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), signed.Timestamp);
        Assert.Equal("msg_123", signed.WebhookId);
    }

    [Fact]
    public void Receivers_Verify_It_With_The_StandardWebhooks_Package()
    {
        const string body = "{\"id\":\"a\"}";
        var signed = new AlertSigner(Secret).Sign("msg_abc", DateTimeOffset.UtcNow, body);
        var headers = new HeaderDictionary
        {
            [WebhookSignature.IdHeader] = signed.WebhookId,
            [WebhookSignature.TimestampHeader] = signed.Timestamp,
            [WebhookSignature.SignatureHeader] = signed.Signature,
        };

        new StandardWebhook(Secret).Verify(body, headers);
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(Secret).Verify(body + " ", headers));
        Assert.Throws<WebhookVerificationException>(() => new StandardWebhook(AlertTestData.NewSecret()).Verify(body, headers));
    }

    [Fact]
    public void Refuses_A_Malformed_Secret_Without_Echoing_It()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlertSigner("whsec_tooShort"));
        Assert.DoesNotContain("tooShort", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, new AlertSigner(Secret).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Webhook_Id_Is_Stable_Per_Alert_And_Endpoint()
    {
        var a = new Uri("https://a.example.eu/hooks");
        var b = new Uri("https://b.example.eu/hooks");

        Assert.Equal(EndpointIdentity.WebhookId("alert-1", a), EndpointIdentity.WebhookId("alert-1", a));
        Assert.NotEqual(EndpointIdentity.WebhookId("alert-1", a), EndpointIdentity.WebhookId("alert-1", b));
        Assert.NotEqual(EndpointIdentity.WebhookId("alert-1", a), EndpointIdentity.WebhookId("alert-2", a));
        Assert.Matches("^msg_[0-9a-f]{32}$", EndpointIdentity.WebhookId("alert-1", a));
    }

    [Fact]
    public void Endpoint_Display_Drops_Query_And_User_Info()
    {
        var endpoint = new Uri("https://user:pw@regulator.example.eu:8443/hooks/in?code=SECRETKEY#x");
        Assert.Equal("https://regulator.example.eu:8443/hooks/in", EndpointIdentity.Display(endpoint));
    }
}
