using System.Text;
using System.Text.Json;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

public sealed class AlertCloudEventBuilding
{
    [Fact]
    public void Builds_A_Structured_CloudEvents_1_0_Json_Body()
    {
        var alert = AlertTestData.Violation(alertId: "alert-42", shipperId: "SHIP-01", attestationId: "ATT-9", version: 3);
        var (body, contentType) = AlertCloudEvent.Encode(AlertCloudEvent.Create(alert));

        Assert.StartsWith("application/cloudevents+json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal("alert-42", root.GetProperty("id").GetString());
        Assert.Equal("org.pricecapattest.violation", root.GetProperty("type").GetString());
        Assert.Equal("/attestations/SHIP-01/ATT-9", root.GetProperty("source").GetString());
        Assert.Equal("versions/3/regimes/EU", root.GetProperty("subject").GetString());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal(alert.CreatedAt, root.GetProperty("time").GetDateTimeOffset());

        var data = root.GetProperty("data");
        Assert.Equal("EU", data.GetProperty("regime").GetString());
        Assert.Equal(3, data.GetProperty("version").GetInt32());
        Assert.Equal(alert.BlobPath, data.GetProperty("blobPath").GetString());
        Assert.Equal(alert.Sha256, data.GetProperty("sha256").GetString());
        Assert.Equal("/api/attestations/SHIP-01/ATT-9?version=3", data.GetProperty("link").GetString());
    }

    [Fact]
    public void Resolved_Alerts_Have_Their_Own_Type() =>
        Assert.Equal(
            "org.pricecapattest.resolved",
            AlertCloudEvent.Create(AlertTestData.Violation(eventType: AlertMessage.Resolved)).Type);

    [Fact]
    public void Escapes_Ids_In_Source_And_Link_And_Can_Use_An_Absolute_Api_Base()
    {
        var alert = AlertTestData.Violation(shipperId: "SHIP 01", attestationId: "ATT/2026#7", version: 2);
        var cloudEvent = AlertCloudEvent.Create(alert, new Uri("https://pricecap.example.org/ignored"));

        Assert.Equal("/attestations/SHIP%2001/ATT%2F2026%237", cloudEvent.Source!.OriginalString);
        var data = Assert.IsType<AlertEventData>(cloudEvent.Data);
        Assert.Equal("https://pricecap.example.org/api/attestations/SHIP%2001/ATT%2F2026%237?version=2", data.Link);
    }

    [Fact]
    public void The_Body_Is_The_Same_On_Every_Build_So_Retries_Send_The_Same_Bytes()
    {
        var alert = AlertTestData.Violation();
        var first = AlertCloudEvent.Encode(AlertCloudEvent.Create(alert)).Body;
        var second = AlertCloudEvent.Encode(AlertCloudEvent.Create(alert)).Body;
        Assert.Equal(Encoding.UTF8.GetString(first), Encoding.UTF8.GetString(second));
        Assert.Equal(alert.AlertId, AlertCloudEvent.Decode(first).Id);
    }
}
