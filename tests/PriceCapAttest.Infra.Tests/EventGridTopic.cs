namespace PriceCapAttest.Infra.Tests;

/// <summary>The Event Grid system topic the blob trigger's subscription hangs off.</summary>
public class EventGridTopic
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    [Fact]
    public void System_topic_is_on_the_storage_account()
    {
        var topic = Template.Single(AzureTypes.SystemTopic);

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Get("properties.topicType"));
        Assert.Contains("/providers/Microsoft.Storage/storageAccounts/", (string)topic.Get("properties.source")!, StringComparison.Ordinal);
        Assert.Equal("SystemAssigned", topic.Get("identity.type"));
    }

    [Fact]
    public void Subscription_is_left_to_the_postdeploy_hook()
    {
        Assert.DoesNotContain("Microsoft.EventGrid/systemTopics/eventSubscriptions", Template.Text, StringComparison.OrdinalIgnoreCase);
    }
}
