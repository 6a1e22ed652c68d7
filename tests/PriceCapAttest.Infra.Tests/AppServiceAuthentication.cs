using PriceCapAttest.WebConsole;
using System.Text.Json;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// App Service authentication with Microsoft Entra ID (docs/security.md, "Principals on Azure"): on wherever there is an
/// app registration, checking tokens against it (no client secret, no token store), but letting requests without a
/// token through so that the app, which validates the token again with the same issuer and audiences, answers them
/// with its own problem+json.
/// </summary>
public class AppServiceAuthentication
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    private static DeployedResource AuthSettings(IEnumerable<DeployedResource> resources) =>
        Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "authsettingsV2");

    private static DeployedResource Auth => AuthSettings(Template.Resources);

    private static List<string> Strings(object? value) => Assert.IsType<List<object?>>(value).Cast<string>().ToList();

    [Fact]
    public void Auth_settings_belong_to_the_function_app()
    {
        var site = Template.Single(AzureTypes.Site);

        Assert.Equal($"{site.Name}/authsettingsV2", Auth.Name);
    }

    [Fact]
    public void Entra_id_is_the_provider_with_the_app_registration_of_the_parameters()
    {
        Assert.Equal(true, Auth.Get("properties.platform.enabled"));
        Assert.Equal(true, Auth.Get("properties.identityProviders.azureActiveDirectory.enabled"));
        Assert.Equal(CompiledTemplate.EntraClientId, Auth.Get("properties.identityProviders.azureActiveDirectory.registration.clientId"));
        Assert.Equal($"https://login.microsoftonline.com/{CompiledTemplate.EntraTenantId}/v2.0", Auth.Get("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"));
        Assert.Equal(CompiledTemplate.EntraAudiences, Strings(Auth.Get("properties.identityProviders.azureActiveDirectory.validation.allowedAudiences")));
        Assert.Equal("azureActiveDirectory", Assert.Single(Auth.Get("properties.identityProviders").As<IDictionary<string, object?>>()).Key);
    }

    [Fact]
    public void Tokens_are_only_validated_no_secret_no_token_store()
    {
        var registration = Auth.Get("properties.identityProviders.azureActiveDirectory.registration").As<IDictionary<string, object?>>();

        Assert.DoesNotContain(registration.Keys, key => key.StartsWith("clientSecret", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(false, Auth.Get("properties.login.tokenStore.enabled"));
        Assert.Equal(true, Auth.Get("properties.httpSettings.requireHttps"));
    }

    [Fact]
    public void App_Service_validates_tokens_but_lets_the_app_refuse_requests_without_one_with_its_own_problem_json()
    {
        Assert.Equal(true, Auth.Get("properties.platform.enabled"));
        Assert.Equal(false, Auth.Get("properties.globalValidation.requireAuthentication"));
        Assert.Equal("AllowAnonymous", Auth.Get("properties.globalValidation.unauthenticatedClientAction"));
    }

    [Fact]
    public void The_app_validates_tokens_again_against_the_issuer_and_audiences_of_the_auth_settings()
    {
        var settings = AppSettingsTemplate.Settings();
        var audiences = settings.Where(pair => Regex.IsMatch(pair.Key, AppSettingsTemplate.BearerAudiencePattern))
            .OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (string)pair.Value!);

        Assert.Equal(Auth.Get("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"), settings[AppSettingsTemplate.BearerAuthoritySetting]);
        Assert.Equal(Strings(Auth.Get("properties.identityProviders.azureActiveDirectory.validation.allowedAudiences")), audiences);
    }

    [Fact]
    public void Excluded_paths_are_the_anonymous_routes_the_console_and_the_blob_trigger_webhook()
    {
        var anonymousRoutes = ApiRoutes.All.Where(route => route.Roles.Count == 0).Select(route => $"{ApiRoutes.Prefix}/{route.Pattern}");
        var expected = anonymousRoutes
            .Concat([ApiEndpoints.OpenApiPath, ApiEndpoints.DocsPath, $"{ApiEndpoints.DocsPath}/*", ConsoleFiles.BasePath, $"{ConsoleFiles.BasePath}/*", "/runtime/webhooks/blobs"])
            .Order(StringComparer.Ordinal);

        Assert.Contains("/api/health", anonymousRoutes);
        Assert.Equal(expected, Strings(Auth.Get("properties.globalValidation.excludedPaths")).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void No_keyed_route_is_excluded()
    {
        var excluded = Strings(Auth.Get("properties.globalValidation.excludedPaths"));

        Assert.All(ApiRoutes.All.Where(route => route.Roles.Count > 0), route =>
            Assert.DoesNotContain(excluded, path => path.StartsWith($"{ApiRoutes.Prefix}/{route.Pattern.Split('/')[0]}", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Audiences_default_to_the_client_id_and_its_api_uri()
    {
        var auth = AuthSettings(Template.ResourcesWith("entraAllowedAudiences", new List<object?>()));

        Assert.Equal(new[] { CompiledTemplate.EntraClientId, $"api://{CompiledTemplate.EntraClientId}" }, Strings(auth.Get("properties.identityProviders.azureActiveDirectory.validation.allowedAudiences")));
    }

    [Fact]
    public void Entra_mode_without_an_app_registration_fails_the_deployment()
    {
        // The check sits in the value the auth settings take (ARM evaluates it with the parameters, at validation).
        var failure = Assert.Throws<TemplateFailure>(() => AuthSettings(Template.ResourcesWith("entraClientId", string.Empty)).Get("properties"));

        Assert.Contains("ENTRA_CLIENT_ID", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_mode_with_an_app_registration_validates_tokens_but_does_not_require_them()
    {
        var auth = AuthSettings(Template.ResourcesWith("apiAuthentication", "keys"));

        Assert.Equal(true, auth.Get("properties.platform.enabled"));
        Assert.Equal(false, auth.Get("properties.globalValidation.requireAuthentication"));
        Assert.Equal("AllowAnonymous", auth.Get("properties.globalValidation.unauthenticatedClientAction"));
    }

    [Fact]
    public void Keys_mode_without_an_app_registration_switches_authentication_off()
    {
        var auth = AuthSettings(Template.ResourcesWith(new Dictionary<string, object?> { ["apiAuthentication"] = "keys", ["entraClientId"] = string.Empty }));

        Assert.Equal(false, auth.Get("properties.platform.enabled"));
        Assert.False(auth.Get("properties").As<IDictionary<string, object?>>().ContainsKey("identityProviders"));
    }

    public static TheoryData<string, string, string?> AppServiceSettings() => new()
    {
        { "entra", CompiledTemplate.EntraClientId, "true" },
        { "keys", CompiledTemplate.EntraClientId, "true" },
        { "keys", string.Empty, null },
    };

    [Theory]
    [MemberData(nameof(AppServiceSettings))]
    public void The_app_trusts_the_client_principal_header_exactly_where_app_service_authentication_is_on(string mode, string clientId, string? expected)
    {
        var resources = Template.ResourcesWith(new Dictionary<string, object?> { ["apiAuthentication"] = mode, ["entraClientId"] = clientId });
        var settings = Assert.Single(resources, resource => resource.Type == AzureTypes.SiteConfig && resource.LeafName == "appsettings").Get("properties").As<IDictionary<string, object?>>();

        Assert.Equal(expected is not null, AuthSettings(resources).Get("properties.platform.enabled"));
        Assert.Equal(expected, settings.TryGetValue(AppSettingsTemplate.AppServiceSetting, out var value) ? value : null);
        Assert.Equal(expected is not null, settings.ContainsKey(AppSettingsTemplate.BearerAuthoritySetting));
    }

    [Fact]
    public void Entra_is_the_default_mode_and_the_parameters_file_reads_the_azd_environment()
    {
        var declaration = Template.Document.RootElement.GetProperty("parameters").GetProperty("apiAuthentication");
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        var parameters = file.RootElement.GetProperty("parameters");

        Assert.Equal("entra", declaration.GetProperty("defaultValue").GetString());
        Assert.Equal(new[] { "entra", "keys" }, declaration.GetProperty("allowedValues").EnumerateArray().Select(value => value.GetString()));
        Assert.Equal("${API_AUTHENTICATION=entra}", parameters.GetProperty("apiAuthentication").GetProperty("value").GetString());
        Assert.Equal("${ENTRA_CLIENT_ID}", parameters.GetProperty("entraClientId").GetProperty("value").GetString());
        Assert.Equal("${ENTRA_TENANT_ID}", parameters.GetProperty("entraTenantId").GetProperty("value").GetString());
    }
}

internal static class ValueCasts
{
    public static T As<T>(this object? value) => Assert.IsAssignableFrom<T>(value);
}
