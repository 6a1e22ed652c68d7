using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PriceCapAttest.Infra.Tests.Arm;
using PriceCapAttest.WebConsole;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The web console on Azure signs in with Entra ID through the API's app registration: the template's Console
/// settings bind to <see cref="ConsoleOptions"/> and pass its start-up check, and without an app registration there
/// are none (the console then asks for a key).
/// </summary>
public class ConsoleSignIn
{
    [Fact]
    public void The_console_settings_of_the_template_bind_to_the_options_and_pass_the_start_up_check()
    {
        var settings = AppSettingsTemplate.Settings()
            .Where(pair => Regex.IsMatch(pair.Key, AppSettingsTemplate.ConsolePattern))
            .ToDictionary(pair => pair.Key.Replace("__", ":", StringComparison.Ordinal), string? (pair) => TemplateScope.Render(pair.Value));
        var options = new ConsoleOptions();

        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection(ConsoleOptions.Section).Bind(options);

        Assert.Equal(CompiledTemplate.EntraClientId, options.Entra.ClientId);
        Assert.Equal($"https://login.microsoftonline.com/{CompiledTemplate.EntraTenantId}", options.Entra.Authority);
        Assert.Equal($"api://{CompiledTemplate.EntraClientId}/.default", options.Entra.Scope);
        var result = new ConsoleOptionsValidator(ConsoleOptions.Section).Validate(null, options);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void A_given_console_scope_is_the_one_the_console_asks_for()
    {
        var resources = CompiledTemplate.Instance.ResourcesWith("consoleScope", "api://pricecap/access_as_user");

        Assert.Equal("api://pricecap/access_as_user", AppSettingsOf(resources)["Console__Entra__Scope"]);
    }

    [Fact]
    public void Without_an_app_registration_the_console_has_no_entra_settings()
    {
        var resources = CompiledTemplate.Instance.ResourcesWith(new Dictionary<string, object?>
        {
            ["apiAuthentication"] = "keys",
            ["entraClientId"] = "",
        });

        Assert.DoesNotContain(AppSettingsOf(resources).Keys, name => Regex.IsMatch(name, AppSettingsTemplate.ConsolePattern));
    }

    private static IDictionary<string, object?> AppSettingsOf(IEnumerable<DeployedResource> resources) =>
        Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties").As<IDictionary<string, object?>>();
}
