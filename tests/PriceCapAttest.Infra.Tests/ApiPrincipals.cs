using System.Text.Json;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The keyed principals on Azure (docs/security.md, "Keys on Azure"): one secure parameter from the azd environment,
/// one Key Vault secret per key, app settings Principals__{n}__Key (a Key Vault reference), __Role and __PartyId, and
/// no deployment with a malformed entry, or without any principal in keys mode.
/// </summary>
public class ApiPrincipals
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    private static IEnumerable<string> AllSampleKeys => CompiledTemplate.SamplePrincipals.Select(p => p.Key);

    [Fact]
    public void Principals_are_a_required_secure_parameter_read_from_the_azd_environment()
    {
        var declaration = Template.Document.RootElement.GetProperty("parameters").GetProperty("apiPrincipals");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        var parameters = file.RootElement.GetProperty("parameters");

        Assert.Equal("securestring", declaration.GetProperty("type").GetString());
        Assert.False(declaration.TryGetProperty("defaultValue", out _), "apiPrincipals must have no default");
        Assert.Equal("${API_PRINCIPALS}", parameters.GetProperty("apiPrincipals").GetProperty("value").GetString());
        Assert.False(parameters.TryGetProperty("apiInsurerKeys", out _));
        Assert.False(parameters.TryGetProperty("apiRegulatorKeys", out _));
    }

    [Fact]
    public void Each_key_is_one_secret_in_the_vault()
    {
        var secrets = Template.OfType(AzureTypes.KeyVaultSecret)
            .Where(secret => secret.LeafName.StartsWith("api-", StringComparison.Ordinal))
            .ToDictionary(secret => secret.LeafName, secret => secret.Get("properties.value"), StringComparer.Ordinal);
        var expected = CompiledTemplate.SamplePrincipals.Select((p, i) => ($"api-principal-{i}", p.Key))
            .ToDictionary(pair => pair.Item1, pair => (object?)pair.Key, StringComparer.Ordinal);

        Assert.Equal(expected, secrets);
    }

    [Fact]
    public void Each_principal_is_three_app_settings_the_key_a_reference_to_its_secret()
    {
        var settings = AppSettingsTemplate.Settings()
            .Where(pair => Regex.IsMatch(pair.Key, AppSettingsTemplate.PrincipalPattern))
            .ToDictionary(pair => pair.Key, pair => Assert.IsType<string>(pair.Value), StringComparer.Ordinal);

        Assert.Equal(3 * CompiledTemplate.SamplePrincipals.Count, settings.Count);
        Assert.All(CompiledTemplate.SamplePrincipals.Select((p, i) => (p, i)), entry =>
        {
            var (principal, i) = entry;
            Assert.StartsWith("@Microsoft.KeyVault(SecretUri=", settings[$"Principals__{i}__Key"], StringComparison.Ordinal);
            Assert.EndsWith($"secrets/api-principal-{i})", settings[$"Principals__{i}__Key"], StringComparison.Ordinal);
            Assert.Equal(principal.Role, settings[$"Principals__{i}__Role"]);
            Assert.Equal(principal.PartyId, settings[$"Principals__{i}__PartyId"]);
        });
        Assert.DoesNotContain(AppSettingsTemplate.Settings().Keys, name => name.StartsWith("ApiKeys__", StringComparison.Ordinal));
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

        Assert.Contains("apiPrincipalSettings", functionApp.Element.GetProperty("properties").GetProperty("parameters").GetProperty("apiSettings").GetRawText(), StringComparison.Ordinal);
    }

    private const string GoodKey = "test-another-key-0123456789abcdef";

    public static TheoryData<string, string> Refused() => new()
    {
        { $"Insurer:ACME-INS", "entry 1 is not Role:PartyId:Key" },
        { $"Insurer:ACME-INS:{GoodKey}:extra", "entry 1 is not Role:PartyId:Key" },
        { $"Insurer:ACME-INS:{GoodKey},", "entry 2 is not Role:PartyId:Key" },
        { $"{GoodKey}:Insurer:ACME-INS", "entry 1: the role is not one of Shipper, Insurer, Regulator, Operator" },
        { $"insurer:ACME-INS:{GoodKey}", "entry 1: the role is not one of" },
        { $"Regulator:XX:{GoodKey}", "entry 1: a Regulator's party id is a regime code" },
        { $"Regulator:eu:{GoodKey}", "entry 1: a Regulator's party id is a regime code" },
        { $"Shipper:has space:{GoodKey}", "entry 1: a party id is 1-64 characters" },
        { $"Shipper::{GoodKey}", "entry 1: a party id is 1-64 characters" },
        { $"Shipper:{new string('a', 65)}:{GoodKey}", "entry 1: a party id is 1-64 characters" },
        { "Insurer:ACME-INS:short-key-01234", "entry 1: a key must be at least 16 characters" },
        { $"Insurer:ACME-INS:{GoodKey} x", "entry 1: a key must be at least 16 characters" },
        { $"Insurer:ACME-INS:{GoodKey},Operator:ops:{GoodKey}", "two entries share a key" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_malformed_entry_fails_the_deployment_with_a_message_that_shows_no_key(string value, string message)
    {
        foreach (var mode in new[] { "keys", "entra" })
        {
            var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith(new Dictionary<string, object?>
            {
                ["apiAuthentication"] = mode,
                ["apiPrincipals"] = value,
            }));

            Assert.Contains("apiPrincipals (azd env API_PRINCIPALS)", failure.Message, StringComparison.Ordinal);
            Assert.True(failure.Message.Contains(message, StringComparison.Ordinal), failure.Message);
            Assert.DoesNotContain(GoodKey, failure.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("short-key", failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_template_and_the_app_agree_on_the_shortest_key()
    {
        var shortest = new string('k', ApiAccessOptionsValidator.MinKeyLength);
        var resources = Template.ResourcesWith("apiPrincipals", $"Operator:ops:{shortest}");
        var settings = Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties").As<IDictionary<string, object?>>();
        Assert.Equal("ops", settings["Principals__0__PartyId"]);

        var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith("apiPrincipals", $"Operator:ops:{shortest[1..]}"));
        Assert.Contains($"a key must be at least {ApiAccessOptionsValidator.MinKeyLength} characters", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_keys_mode_at_least_one_principal_is_required()
    {
        var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith(new Dictionary<string, object?>
        {
            ["apiAuthentication"] = "keys",
            ["apiPrincipals"] = string.Empty,
        }));

        Assert.Contains("at least one principal is required with apiAuthentication keys", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_entra_id_and_no_principals_no_key_secret_or_principal_setting_is_deployed()
    {
        var resources = Template.ResourcesWith("apiPrincipals", string.Empty);
        var settings = Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties").As<IDictionary<string, object?>>();

        Assert.DoesNotContain(resources, resource => resource.Type == AzureTypes.KeyVaultSecret && resource.LeafName.StartsWith("api-principal-", StringComparison.Ordinal));
        Assert.DoesNotContain(settings.Keys, name => Regex.IsMatch(name, AppSettingsTemplate.PrincipalPattern));
        Assert.Equal("true", settings[AppSettingsTemplate.AppServiceSetting]);
        Assert.Contains("Alerts__SigningSecret", settings.Keys);
    }
}
