namespace PriceCapAttest.Infra.Tests;

/// <summary>The app settings the code relies on, identity-based connections only, secrets by Key Vault reference.</summary>
public class AppSettings
{
    private static readonly IReadOnlyDictionary<string, object?> Settings = AppSettingsTemplate.Settings();

    [Fact]
    public void Template_sets_the_expected_settings_and_no_others()
    {
        var routes = Settings.Keys.Where(name => System.Text.RegularExpressions.Regex.IsMatch(name, AppSettingsTemplate.RoutePattern));
        var principals = Settings.Keys.Where(name => System.Text.RegularExpressions.Regex.IsMatch(name, AppSettingsTemplate.PrincipalPattern));
        var others = Settings.Keys.Except(AppSettingsTemplate.FixedNames, StringComparer.Ordinal)
            .Except(routes, StringComparer.Ordinal).Except(principals, StringComparer.Ordinal)
            .Where(name => !AppSettingsTemplate.IsAuthenticationSetting(name))
            .Where(name => !System.Text.RegularExpressions.Regex.IsMatch(name, AppSettingsTemplate.ConsolePattern));

        Assert.All(AppSettingsTemplate.FixedNames, name => Assert.Contains(name, Settings.Keys));
        Assert.Empty(others);
    }

    [Fact]
    public void Host_storage_connection_is_identity_based()
    {
        Assert.Equal("managedidentity", Settings["AzureWebJobsStorage__credential"]);
        Assert.False(Settings.ContainsKey("AzureWebJobsStorage"), "a plain AzureWebJobsStorage setting would be a connection string");
        Assert.All(Settings.Keys, name => Assert.DoesNotContain("ConnectionString", name.Replace("APPLICATIONINSIGHTS_CONNECTION_STRING", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void No_setting_carries_an_account_key()
    {
        Assert.All(Settings.Values.OfType<string>(), value =>
        {
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("InstrumentationKey=", value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void Flex_consumption_settings_the_platform_owns_are_absent()
    {
        foreach (var name in new[] { "FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE", "AzureWebJobsDashboard" })
        {
            Assert.False(Settings.ContainsKey(name), name);
        }
    }

    [Fact]
    public void Signing_secret_is_a_key_vault_reference_to_the_newest_version()
    {
        var reference = AppSettingsTemplate.Text("Alerts__SigningSecret");

        Assert.StartsWith("@Microsoft.KeyVault(SecretUri=", reference, StringComparison.Ordinal);
        Assert.EndsWith("secrets/alerts-signing-secret)", reference, StringComparison.Ordinal);
    }

    [Fact]
    public void Application_insights_authenticates_with_the_identity()
    {
        var authentication = AppSettingsTemplate.Text("APPLICATIONINSIGHTS_AUTHENTICATION_STRING");

        Assert.StartsWith("ClientId=", authentication, StringComparison.Ordinal);
        Assert.EndsWith(";Authorization=AAD", authentication, StringComparison.Ordinal);
    }

    [Fact]
    public void Regulator_routes_become_indexed_settings_per_regime()
    {
        var routes = Settings.Where(pair => pair.Key.StartsWith("Alerts__Routes__", StringComparison.Ordinal))
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        var expected = CompiledTemplate.SampleRoutes
            .SelectMany(regime => regime.Value.Select((url, i) => (Key: $"Alerts__Routes__{regime.Key}__{i}", Url: url)))
            .ToDictionary(pair => pair.Key, pair => (object?)pair.Url);

        Assert.Equal(expected, routes);
    }

    [Fact]
    public void Alert_links_point_at_the_app_over_https()
    {
        Assert.StartsWith("https://", AppSettingsTemplate.Text("Alerts__ApiBaseUrl"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_limit_defaults_to_10_MiB()
    {
        Assert.Equal("10485760", Settings["Ingest__MaxDocumentBytes"]);
    }
}
