namespace PriceCapAttest.Infra.Tests;

/// <summary>Flex Consumption, .NET 10 isolated, one user-assigned identity for everything.</summary>
public class FunctionApp
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;
    private static readonly Arm.DeployedResource Site = Template.Single(AzureTypes.Site);

    [Fact]
    public void Plan_is_flex_consumption_fc1_on_linux()
    {
        var plan = Template.Single(AzureTypes.Plan);

        Assert.Equal("FC1", plan.Get("sku.name"));
        Assert.Equal("FlexConsumption", plan.Get("sku.tier"));
        Assert.Equal(true, plan.Get("properties.reserved"));
    }

    [Fact]
    public void Runtime_is_dotnet_isolated_10()
    {
        Assert.Equal("functionapp,linux", Site.Get("kind"));
        Assert.Equal("dotnet-isolated", Site.Get("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.Get("properties.functionAppConfig.runtime.version"));
    }

    [Fact]
    public void Instance_memory_and_maximum_instances_come_from_parameters()
    {
        Assert.Equal(Template.Main.Parameter("instanceMemoryMB"), Site.Get("properties.functionAppConfig.scaleAndConcurrency.instanceMemoryMB"));
        Assert.Equal(Template.Main.Parameter("maximumInstanceCount"), Site.Get("properties.functionAppConfig.scaleAndConcurrency.maximumInstanceCount"));
    }

    [Fact]
    public void Http_functions_have_always_ready_instances()
    {
        var alwaysReady = Assert.IsType<List<object?>>(Site.Get("properties.functionAppConfig.scaleAndConcurrency.alwaysReady"));
        var http = Assert.IsType<Dictionary<string, object?>>(Assert.Single(alwaysReady));

        Assert.Equal("http", http["name"]);
        Assert.Equal(Template.Main.Parameter("httpAlwaysReadyInstances"), http["instanceCount"]);
        Assert.True((long)http["instanceCount"]! >= 1);
    }

    [Fact]
    public void Deployment_package_is_read_with_the_user_assigned_identity()
    {
        Assert.Equal("blobContainer", Site.Get("properties.functionAppConfig.deployment.storage.type"));
        Assert.EndsWith("app-package", (string)Site.Get("properties.functionAppConfig.deployment.storage.value")!, StringComparison.Ordinal);
        Assert.Equal("UserAssignedIdentity", Site.Get("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.True(Site.Has("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
    }

    [Fact]
    public void Identity_is_user_assigned_and_used_for_key_vault_references()
    {
        Assert.Equal("UserAssigned", Site.Get("identity.type"));
        Assert.True(Site.Has("properties.keyVaultReferenceIdentity"));
        Assert.Single(Template.OfType(AzureTypes.UserAssignedIdentity));
    }

    [Fact]
    public void Https_only_with_tls_1_2_and_no_basic_auth_publishing()
    {
        Assert.Equal(true, Site.Get("properties.httpsOnly"));
        Assert.Equal("1.2", Site.Get("properties.siteConfig.minTlsVersion"));
        Assert.Equal("Disabled", Site.Get("properties.siteConfig.ftpsState"));
        var policies = Template.OfType(AzureTypes.PublishingCredentialsPolicy).ToList();
        Assert.Equal(["ftp", "scm"], policies.Select(policy => policy.LeafName).Order(StringComparer.Ordinal));
        Assert.All(policies, policy => Assert.Equal(false, policy.Get("properties.allow")));
    }

    [Fact]
    public void Site_is_tagged_for_azd_service_api()
    {
        var tags = Assert.IsType<Dictionary<string, object?>>(Site.Get("tags"));

        Assert.Equal("api", tags["azd-service-name"]);
    }
}
