using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

public sealed class AlertQueueMessageParsing
{
    [Fact]
    public void Round_Trips_The_Attempt_And_The_Alert()
    {
        var alert = AlertTestData.Violation();
        Assert.True(AlertQueueMessage.TryParse(new AlertQueueMessage(3, alert).ToJson(), out var parsed, out _));
        Assert.Equal(3, parsed.Attempt);
        Assert.Equal(alert, parsed.Alert);
    }

    [Fact]
    public void Reads_A_Bare_Alert_As_Round_One()
    {
        var alert = AlertTestData.Violation();
        Assert.True(AlertQueueMessage.TryParse(AlertQueueMessage.Serialize(alert), out var parsed, out _));
        Assert.Equal(1, parsed.Attempt);
        Assert.Equal(alert, parsed.Alert);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"attempt\":1,\"alert\":{\"alertId\":\"a\"}}")]
    [InlineData("{}")]
    public void Rejects_Bodies_That_Are_Not_Alerts(string body)
    {
        Assert.False(AlertQueueMessage.TryParse(body, out var parsed, out var error));
        Assert.Null(parsed);
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Fact]
    public void Keys_Are_Safe_And_Endpoint_Rows_Sort_Inside_The_Alert_Range()
    {
        var alert = AlertTestData.Violation(alertId: "SHIP/ATT#1?v=2|EU|violation");
        var endpoint = new Uri("https://a.example.eu/hooks?code=x");
        var partition = AlertKeys.Partition(alert.ShipperId, alert.AttestationId);
        var alertKey = AlertKeys.Alert(alert.AlertId);
        var endpointKey = AlertKeys.Endpoint(alert.AlertId, endpoint);
        var (after, before) = AlertKeys.EndpointRange(alert.AlertId);

        Assert.True(KeyEncoder.IsSafeKey(partition));
        Assert.True(KeyEncoder.IsSafeKey(alertKey));
        Assert.True(KeyEncoder.IsSafeKey(endpointKey));
        Assert.True(string.CompareOrdinal(endpointKey, after) > 0 && string.CompareOrdinal(endpointKey, before) < 0);
        Assert.False(string.CompareOrdinal(alertKey, after) > 0 && string.CompareOrdinal(alertKey, before) < 0);
    }
}
