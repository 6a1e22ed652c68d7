using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The code's side of the principals: every principal and authentication setting (App Service, bearer) the template
/// writes binds to the API's
/// <see cref="ApiAccessOptions"/> and passes its start-up check (<see cref="ApiAccessOptionsValidator"/>), and every
/// role and regime the code knows is one the template accepts, so template and code cannot drift apart again.
/// </summary>
public class PrincipalSettingsBind
{
    [Fact]
    public void The_principal_settings_of_the_template_bind_to_the_options_and_pass_the_start_up_check()
    {
        var keys = CompiledTemplate.SamplePrincipals.Select((p, i) => ($"api-principal-{i})", p.Key)).ToList();
        var settings = AppSettingsTemplate.Settings()
            .Where(pair => Regex.IsMatch(pair.Key, AppSettingsTemplate.PrincipalPattern) || AppSettingsTemplate.IsAuthenticationSetting(pair.Key))
            // App Service resolves each Key Vault reference to the secret's value, which the template writes from the same entry.
            .ToDictionary(
                pair => pair.Key.Replace("__", ":", StringComparison.Ordinal),
                string? (pair) => keys.FirstOrDefault(k => TemplateScope.Render(pair.Value).EndsWith(k.Item1, StringComparison.Ordinal)).Key ?? TemplateScope.Render(pair.Value));
        var options = new ApiAccessOptions();

        new ConfigurationBuilder().AddInMemoryCollection(settings).Build().Bind(options);

        Assert.True(options.Authentication.AppService);
        Assert.True(options.Authentication.Bearer.Enabled);
        Assert.Equal($"https://login.microsoftonline.com/{CompiledTemplate.EntraTenantId}/v2.0", options.Authentication.Bearer.Authority);
        Assert.Equal(CompiledTemplate.EntraAudiences, options.Authentication.Bearer.Audiences);
        Assert.True(options.Authentication.Bearer.RequireHttpsMetadata);
        Assert.Null(options.ApiKeys);
        Assert.Equal(
            CompiledTemplate.SamplePrincipals,
            options.Principals.Select(p => (p.Role!, p.PartyId!, p.Key!)).ToList());
        var result = new ApiAccessOptionsValidator("", appServiceAllowed: true).Validate(null, options);
        Assert.True(result.Succeeded, result.FailureMessage);
    }

    public static TheoryData<string, string> KnownPrincipals()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Enum.GetNames<ApiRole>().Where(role => role != nameof(ApiRole.Regulator)))
        {
            data.Add(role, "party-1");
        }

        foreach (var regime in CapScheduleLoader.KnownRegimes)
        {
            data.Add(nameof(ApiRole.Regulator), regime);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KnownPrincipals))]
    public void Every_role_and_regime_of_the_code_is_accepted_by_the_template(string role, string partyId)
    {
        var resources = CompiledTemplate.Instance.ResourcesWith("apiPrincipals", $"{role}:{partyId}:test-known-key-0123456789abcdef0123");
        var settings = Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties").As<IDictionary<string, object?>>();

        Assert.Equal(role, settings["Principals__0__Role"]);
        Assert.Equal(partyId, settings["Principals__0__PartyId"]);
        Assert.True(PartyIds.IsValid(Enum.Parse<ApiRole>(role), partyId));
    }
}
