using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>The function app's app settings as the template sets them (evaluated with the sample parameters).</summary>
public static class AppSettingsTemplate
{
    /// <summary>
    /// Every app setting the template sets, apart from the per-regime routes. The code reads these through its options
    /// classes (Alerts, Ingest, Schedule) and the host's identity-based AzureWebJobsStorage connection.
    /// </summary>
    public static readonly IReadOnlyList<string> FixedNames =
    [
        "AzureWebJobsStorage__blobServiceUri",
        "AzureWebJobsStorage__queueServiceUri",
        "AzureWebJobsStorage__tableServiceUri",
        "AzureWebJobsStorage__credential",
        "AzureWebJobsStorage__clientId",
        "AZURE_CLIENT_ID",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "Alerts__SigningSecret",
        "Alerts__ApiBaseUrl",
        "Ingest__MaxDocumentBytes",
        "Schedule__BlobName",
    ];

    /// <summary>Pattern of the per-regime route settings: Alerts__Routes__{REGIME}__{index}.</summary>
    public const string RoutePattern = @"^Alerts__Routes__[A-Z]+__\d+$";

    /// <summary>Pattern of the keyed principal settings: Principals__{index}__{Key|Role|PartyId} (ApiAccessOptions.Principals).</summary>
    public const string PrincipalPattern = @"^Principals__\d+__(Key|Role|PartyId)$";

    /// <summary>Set (to true) where App Service authentication is on (ApiAccessOptions.Authentication).</summary>
    public const string AppServiceSetting = "Authentication__AppService";

    /// <summary>The issuer of the bearer tokens the app validates itself (ApiAccessOptions.Authentication.Bearer).</summary>
    public const string BearerAuthoritySetting = "Authentication__Bearer__Authority";

    /// <summary>Pattern of the audiences of those tokens: Authentication__Bearer__Audiences__{index}.</summary>
    public const string BearerAudiencePattern = @"^Authentication__Bearer__Audiences__\d+$";

    /// <summary>Pattern of the web console's Entra sign-in settings: Console__Entra__{ClientId|Authority|Scope} (ConsoleOptions).</summary>
    public const string ConsolePattern = @"^Console__Entra__(ClientId|Authority|Scope)$";

    /// <summary>The settings of App Service authentication and of the app's own bearer validation.</summary>
    public static bool IsAuthenticationSetting(string name) =>
        name == AppServiceSetting || name == BearerAuthoritySetting || System.Text.RegularExpressions.Regex.IsMatch(name, BearerAudiencePattern);

    public static IReadOnlyDictionary<string, object?> Settings()
    {
        var config = Assert.Single(CompiledTemplate.Instance.OfType(AzureTypes.SiteConfig), resource => resource.LeafName == "appsettings");
        var properties = config.Get("properties");
        return Assert.IsType<Dictionary<string, object?>>(properties, exactMatch: false);
    }

    public static string Text(string name) => Assert.IsType<string>(Settings()[name]);

    public static bool IsKnown(object? value) => value is not Unknown;
}
