namespace PriceCapAttest.Infra.Tests;

/// <summary>Telemetry and the signing secret are reachable with Entra ID only.</summary>
public class MonitoringAndSecrets
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    [Fact]
    public void Application_insights_is_workspace_based_with_local_auth_disabled()
    {
        var insights = Template.Single(AzureTypes.AppInsights);

        Assert.Equal(true, insights.Get("properties.DisableLocalAuth"));
        Assert.True(insights.Has("properties.WorkspaceResourceId"));
        Assert.Single(Template.OfType(AzureTypes.LogAnalytics));
    }

    [Fact]
    public void Key_vault_uses_rbac_with_purge_protection()
    {
        var vault = Template.Single(AzureTypes.KeyVault);

        Assert.Equal(true, vault.Get("properties.enableRbacAuthorization"));
        Assert.Equal(true, vault.Get("properties.enablePurgeProtection"));
        Assert.Equal(true, vault.Get("properties.enableSoftDelete"));
    }

    [Fact]
    public void Signing_secret_is_a_secure_parameter_stored_in_key_vault()
    {
        var declaration = Template.Document.RootElement.GetProperty("parameters").GetProperty("alertsSigningSecret");
        var secret = Assert.Single(Template.OfType(AzureTypes.KeyVaultSecret), resource => resource.LeafName == "alerts-signing-secret");

        Assert.Equal("securestring", declaration.GetProperty("type").GetString());
        Assert.StartsWith("whsec_", (string)secret.Get("properties.value")!, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_signing_secret_leaves_the_current_version_alone()
    {
        var secret = Assert.Single(Template.OfType(AzureTypes.KeyVaultSecret), resource => resource.LeafName == "alerts-signing-secret");

        Assert.True(secret.Element.TryGetProperty("condition", out _), "the secret is written only when a value is given");
    }
}
