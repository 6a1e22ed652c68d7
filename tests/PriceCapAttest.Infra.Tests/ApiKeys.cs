using System.Text.Json;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The API keys on Azure (docs/security.md, "Keys on Azure"): secure parameters from the azd environment, one Key
/// Vault secret per key, one app setting per key that is a Key Vault reference, and no deployment without keys.
/// </summary>
public class ApiKeys
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    private static IEnumerable<string> AllSampleKeys => CompiledTemplate.SampleInsurerKeys.Concat(CompiledTemplate.SampleRegulatorKeys);

    public static TheoryData<string, string> Parameters() => new()
    {
        { "apiInsurerKeys", "API_INSURER_KEYS" },
        { "apiRegulatorKeys", "API_REGULATOR_KEYS" },
    };

    [Theory]
    [InlineData("apiInsurerKeys")]
    [InlineData("apiRegulatorKeys")]
    public void Keys_are_required_secure_parameters_without_a_default(string parameter)
    {
        var declaration = Template.Document.RootElement.GetProperty("parameters").GetProperty(parameter);

        Assert.Equal("securestring", declaration.GetProperty("type").GetString());
        Assert.False(declaration.TryGetProperty("defaultValue", out _), $"{parameter} must have no default");
    }

    [Theory]
    [MemberData(nameof(Parameters))]
    public void Parameters_file_takes_the_keys_from_the_azd_environment_only(string parameter, string variable) =>
        Assert.Equal($"${{{variable}}}", ParametersFileValue(parameter));

    [Fact]
    public void Each_key_is_one_secret_in_the_vault()
    {
        var secrets = Template.OfType(AzureTypes.KeyVaultSecret)
            .Where(secret => secret.LeafName.StartsWith("api-key-", StringComparison.Ordinal))
            .ToDictionary(secret => secret.LeafName, secret => secret.Get("properties.value"), StringComparer.Ordinal);
        var vault = Template.Single(AzureTypes.KeyVault);
        var expected = CompiledTemplate.SampleInsurerKeys.Select((key, i) => ($"api-key-insurer-{i}", key))
            .Concat(CompiledTemplate.SampleRegulatorKeys.Select((key, i) => ($"api-key-regulator-{i}", key)))
            .ToDictionary(pair => pair.Item1, pair => (object?)pair.key, StringComparer.Ordinal);

        Assert.Equal(expected, secrets);
        Assert.All(Template.OfType(AzureTypes.KeyVaultSecret), secret => Assert.StartsWith($"{vault.Name}/", secret.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void Each_key_is_one_app_setting_that_references_its_secret()
    {
        var settings = AppSettingsTemplate.Settings()
            .Where(pair => Regex.IsMatch(pair.Key, AppSettingsTemplate.ApiKeyPattern))
            .ToDictionary(pair => pair.Key, pair => Assert.IsType<string>(pair.Value), StringComparer.Ordinal);
        var expected = CompiledTemplate.SampleInsurerKeys.Select((_, i) => ($"ApiKeys__Insurer__{i}", $"api-key-insurer-{i}"))
            .Concat(CompiledTemplate.SampleRegulatorKeys.Select((_, i) => ($"ApiKeys__Regulator__{i}", $"api-key-regulator-{i}")))
            .ToList();

        Assert.Equal(expected.Select(pair => pair.Item1).Order(StringComparer.Ordinal), settings.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, pair =>
        {
            Assert.StartsWith("@Microsoft.KeyVault(SecretUri=", settings[pair.Item1], StringComparison.Ordinal);
            Assert.EndsWith($"secrets/{pair.Item2})", settings[pair.Item1], StringComparison.Ordinal);
        });
    }

    [Fact]
    public void No_key_is_in_plain_text_in_the_settings_the_template_or_the_parameters_file()
    {
        var parametersFile = File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json"));
        var values = AppSettingsTemplate.Settings().Values.Select(TemplateScope.Render).ToList();

        Assert.All(AllSampleKeys, key =>
        {
            Assert.DoesNotContain(values, value => value.Contains(key, StringComparison.Ordinal));
            Assert.DoesNotContain(key, Template.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(key, parametersFile, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void The_app_settings_wait_for_the_secrets()
    {
        // The function app module reads the settings from the module that writes the secrets (an output exists only
        // once every resource of its module is deployed).
        var functionApp = Assert.Single(Template.OfType(TemplateScope.DeploymentType), module => module.Name.StartsWith("functionApp", StringComparison.Ordinal));

        Assert.Contains("apiKeys", functionApp.Element.GetProperty("properties").GetProperty("parameters").GetProperty("apiKeySettings").GetRawText(), StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Refused() => new()
    {
        { "apiInsurerKeys", string.Empty, "API_INSURER_KEYS" },
        { "apiRegulatorKeys", string.Empty, "API_REGULATOR_KEYS" },
        { "apiInsurerKeys", "short-key-0123456789", "API_INSURER_KEYS" },
        { "apiInsurerKeys", $"{CompiledTemplate.SampleInsurerKeys[0]},", "API_INSURER_KEYS" },
        { "apiInsurerKeys", $" {CompiledTemplate.SampleInsurerKeys[0]}", "API_INSURER_KEYS" },
        { "apiRegulatorKeys", $"{CompiledTemplate.SampleRegulatorKeys[0]},{CompiledTemplate.SampleInsurerKeys[0]}", "share a key" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_missing_short_or_shared_key_fails_the_deployment_with_a_message_that_shows_no_key(string parameter, string value, string message)
    {
        // Keys mode: the keys are how callers authenticate, so a role without keys is refused too.
        var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith(new Dictionary<string, object?>
        {
            ["apiAuthentication"] = "keys",
            [parameter] = value,
        }));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
        Assert.All(AllSampleKeys, key => Assert.DoesNotContain(key, failure.Message, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void With_entra_id_a_key_given_is_still_checked_but_none_is_needed(string parameter, string value, string message)
    {
        var changes = new Dictionary<string, object?> { [parameter] = value };

        if (value.Length == 0)
        {
            var resources = Template.ResourcesWith(changes);
            var role = parameter == "apiInsurerKeys" ? "insurer" : "regulator";
            Assert.DoesNotContain(resources, resource => resource.Type == AzureTypes.KeyVaultSecret && resource.LeafName.StartsWith($"api-key-{role}-", StringComparison.Ordinal));
            Assert.DoesNotContain(SettingsOf(resources).Keys, name => name.StartsWith($"ApiKeys__{char.ToUpperInvariant(role[0])}{role[1..]}__", StringComparison.Ordinal));
        }
        else
        {
            Assert.Contains(message, Assert.Throws<TemplateFailure>(() => Template.ResourcesWith(changes)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void With_entra_id_and_no_keys_at_all_no_key_secret_or_setting_is_deployed()
    {
        var resources = Template.ResourcesWith(new Dictionary<string, object?> { ["apiInsurerKeys"] = string.Empty, ["apiRegulatorKeys"] = string.Empty });

        Assert.DoesNotContain(resources, resource => resource.Type == AzureTypes.KeyVaultSecret && resource.LeafName.StartsWith("api-key-", StringComparison.Ordinal));
        Assert.DoesNotContain(SettingsOf(resources).Keys, name => Regex.IsMatch(name, AppSettingsTemplate.ApiKeyPattern));
        Assert.Contains("Alerts__SigningSecret", SettingsOf(resources).Keys);
    }

    private static IDictionary<string, object?> SettingsOf(IEnumerable<DeployedResource> resources) =>
        Assert.IsType<Dictionary<string, object?>>(
            Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties"),
            exactMatch: false);

    private static string ParametersFileValue(string parameter)
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        return file.RootElement.GetProperty("parameters").GetProperty(parameter).GetProperty("value").GetString()!;
    }
}
