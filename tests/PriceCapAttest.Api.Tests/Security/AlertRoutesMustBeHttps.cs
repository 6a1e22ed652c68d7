using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The local host process refuses to start with an alert route that would send evidence in clear text (http to a
/// non-loopback host), or with a malformed signing secret: a non-zero exit and a message naming the setting, without
/// the secret, the route's query (which may hold an access code) or the storage account key.
/// </summary>
public sealed class AlertRoutesMustBeHttps
{
    internal const string RouteCode = "route-code-0f3b9c1d7e";
    internal const string AccountKey = "c2VjcmV0LWFjY291bnQta2V5LW5vdC10by1iZS1sb2dnZWQtYW55d2hlcmU=";

    internal static readonly string Storage =
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        "BlobEndpoint=http://127.0.0.1:9/devstoreaccount1;QueueEndpoint=http://127.0.0.1:9/devstoreaccount1;TableEndpoint=http://127.0.0.1:9/devstoreaccount1;";

    [Theory]
    [InlineData("http://alerts.regulator.example/eu?code=" + RouteCode)]
    [InlineData("http://10.0.0.8:8080/eu?code=" + RouteCode)]
    [InlineData("http://127.0.0.1.nip.io/eu?code=" + RouteCode)]
    [InlineData("ftp://alerts.regulator.example/eu?code=" + RouteCode)]
    public async Task A_Clear_Text_Route_Stops_The_Start_Without_Showing_Secrets(string route)
    {
        var (exitCode, output) = await LocalHostRun.ToExitAsync(Settings(route, LocalPipelineFixture.SigningSecret), TimeSpan.FromSeconds(60));
        var text = string.Join(Environment.NewLine, output);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Alerts:Routes:EU:0", text, StringComparison.Ordinal);
        Assert.Contains("https", text, StringComparison.Ordinal);
        AssertNoSecret(text);
    }

    [Fact]
    public async Task A_Loopback_Http_Route_Is_Allowed_But_A_Malformed_Secret_Stops_The_Start_Without_Showing_It()
    {
        const string malformed = "whsec_not*base64*" + RouteCode;
        var (exitCode, output) = await LocalHostRun.ToExitAsync(Settings("http://127.0.0.1:9/eu?code=" + RouteCode, malformed), TimeSpan.FromSeconds(60));
        var text = string.Join(Environment.NewLine, output);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Alerts:SigningSecret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alerts:Routes", text, StringComparison.Ordinal);
        Assert.DoesNotContain(malformed, text, StringComparison.Ordinal);
        AssertNoSecret(text);
    }

    [Fact]
    public async Task The_Former_Keys_A_Key_Shared_By_Two_Principals_And_An_Unknown_Role_Stop_The_Start_With_Exit_2_Without_Showing_Keys()
    {
        var settings = Settings("https://alerts.regulator.example/eu", LocalPipelineFixture.SigningSecret);
        settings["LocalHost__ApiKey"] = "former-single-key-1234";
        settings["LocalHost__ApiKeys__Insurer__0"] = "former-insurer-key-1234";
        settings["LocalHost__Principals__2__Key"] = LocalPipelineFixture.InsurerKey;
        settings["LocalHost__Principals__3__Role"] = "Admin";
        var (exitCode, output) = await LocalHostRun.ToExitAsync(settings, TimeSpan.FromSeconds(60));
        var text = string.Join(Environment.NewLine, output);

        Assert.Equal(2, exitCode);
        Assert.Contains("LocalHost:ApiKey is no longer used", text, StringComparison.Ordinal);
        Assert.Contains("LocalHost:ApiKeys is no longer used", text, StringComparison.Ordinal);
        Assert.Contains("LocalHost:Principals:2:Key: the same key as LocalHost:Principals:1:Key", text, StringComparison.Ordinal);
        Assert.Contains("LocalHost:Principals:3:Role: 'Admin' is not a role", text, StringComparison.Ordinal);
        Assert.DoesNotContain("former-insurer-key-1234", text, StringComparison.Ordinal);
        Assert.DoesNotContain("former-single-key-1234", text, StringComparison.Ordinal);
        AssertNoSecret(text);
    }

    internal static Dictionary<string, string> Settings(string route, string secret)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = Storage,
            ["LocalHost__Urls"] = "http://127.0.0.1:0",
            ["Alerts__SigningSecret"] = secret,
            ["Alerts__Routes__EU__0"] = route,
            ["Logging__LogLevel__Default"] = "Debug",
        };
        foreach (var (name, value) in LocalPipelineFixture.AccessSettings("LocalHost__", "__"))
        {
            settings[name] = value!;
        }

        return settings;
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(RouteCode, text, StringComparison.Ordinal);
        Assert.DoesNotContain(AccountKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalPipelineFixture.SigningSecret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalPipelineFixture.SigningSecret["whsec_".Length..], text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalPipelineFixture.InsurerKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalPipelineFixture.RegulatorKey, text, StringComparison.Ordinal);
    }
}
