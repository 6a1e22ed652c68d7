using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

public sealed class AlertOptionsValidation
{
    private static readonly string Secret = AlertTestData.NewSecret();

    private static ValidateOptionsResult Validate(AlertOptions options) => new AlertOptionsValidator().Validate(null, options);

    private static AlertOptions WithRoute(string regime, string url, string? secret = null) => new()
    {
        Routes = new(StringComparer.OrdinalIgnoreCase) { [regime] = [url] },
        SigningSecret = secret ?? Secret,
    };

    [Theory]
    [InlineData("https://regulator.example.eu/hooks/pricecap")]
    [InlineData("https://regulator.example.eu:8443/hooks?code=abc")]
    [InlineData("http://127.0.0.1:5000/inbox")]
    [InlineData("http://127.10.20.30/inbox")]
    [InlineData("http://[::1]:8080/inbox")]
    [InlineData("http://localhost:7072/inbox")]
    public void Accepts_Https_And_Loopback_Http(string url) =>
        Assert.True(Validate(WithRoute("EU", url)).Succeeded);

    [Theory]
    [InlineData("http://regulator.example.eu/hooks")]
    [InlineData("http://10.0.0.5/hooks")]
    [InlineData("http://128.0.0.1/hooks")]
    [InlineData("http://localhost.example.com/hooks")]
    [InlineData("ftp://regulator.example.eu/hooks")]
    public void Refuses_Non_Https_Non_Loopback_Urls(string url)
    {
        var result = Validate(WithRoute("EU", url));
        Assert.True(result.Failed);
        Assert.Contains("Alerts:Routes:EU:0", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("https only", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/relative/path")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Refuses_Urls_That_Are_Not_Absolute(string url) =>
        Assert.True(Validate(WithRoute("EU", url)).Failed);

    [Fact]
    public void Refuses_Credentials_In_The_Url_Without_Echoing_Them()
    {
        var result = Validate(WithRoute("EU", "https://user:hunter2@regulator.example.eu/hooks"));
        Assert.True(result.Failed);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_Unknown_Regimes()
    {
        var result = Validate(WithRoute("XX", "https://regulator.example/hooks"));
        Assert.True(result.Failed);
        Assert.Contains("Alerts:Routes:XX", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("unknown regime", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_A_Secret_When_A_Route_Is_Set()
    {
        var options = WithRoute("EU", "https://regulator.example.eu/hooks");
        options.SigningSecret = null;
        var result = Validate(options);
        Assert.True(result.Failed);
        Assert.Contains("Alerts:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Needs_No_Secret_Without_Routes() => Assert.True(Validate(new AlertOptions()).Succeeded);

    [Theory]
    [InlineData("c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0")]
    [InlineData("whsec_***not base64***")]
    [InlineData("whsec_c2hvcnQ=")]
    public void Refuses_Malformed_Secrets_Without_Echoing_Them(string secret)
    {
        var result = Validate(WithRoute("EU", "https://regulator.example.eu/hooks", secret));
        Assert.True(result.Failed);
        Assert.Contains("Alerts:SigningSecret", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain(secret["whsec_".Length..], result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Hides_The_Secret()
    {
        var options = WithRoute("EU", "https://regulator.example.eu/hooks");
        var text = options.ToString();
        Assert.DoesNotContain(Secret["whsec_".Length..], text, StringComparison.Ordinal);
        Assert.Contains("EU: 1 endpoint(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_Backoff_Settings_That_Cannot_Work()
    {
        var options = new AlertOptions { MaxAttempts = 0, BaseBackoff = TimeSpan.FromMinutes(5), MaxBackoff = TimeSpan.FromMinutes(1) };
        var result = Validate(options);
        Assert.Contains("Alerts:MaxAttempts", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Alerts:MaxBackoff", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Binds_Routes_Lists_From_Environment_Style_Keys()
    {
        var options = Bind(new Dictionary<string, string?>
        {
            ["Alerts:Routes:EU:0"] = "https://a.example.eu/hooks",
            ["Alerts:Routes:EU:1"] = "https://b.example.eu/hooks",
            ["Alerts:Routes:GB:0"] = "https://ofsi.example.gov.uk/hooks",
            ["Alerts:SigningSecret"] = Secret,
            ["Alerts:MaxAttempts"] = "7",
            ["Alerts:BaseBackoff"] = "00:00:05",
        }).Value;

        Assert.Equal(2, options.EndpointsFor("EU").Count);
        Assert.Single(options.EndpointsFor("gb"));
        Assert.Empty(options.EndpointsFor("US"));
        Assert.Equal(7, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BaseBackoff);
    }

    [Fact]
    public void Refuses_A_Plain_Http_Route_At_Start_Up_With_A_Clear_Message()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerts:Routes:EU:0"] = "http://regulator.example.eu/hooks",
            ["Alerts:SigningSecret"] = Secret,
        }).Build();
        services.AddPriceCapAlerts(configuration);
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("Alerts:Routes:EU:0", error.Message, StringComparison.Ordinal);
        Assert.Contains("'http://regulator.example.eu/hooks' is refused: alerts are sent over https only", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret["whsec_".Length..], error.Message, StringComparison.Ordinal);
    }

    private static IOptions<AlertOptions> Bind(Dictionary<string, string?> values)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPriceCapAlerts(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        return services.BuildServiceProvider().GetRequiredService<IOptions<AlertOptions>>();
    }
}
