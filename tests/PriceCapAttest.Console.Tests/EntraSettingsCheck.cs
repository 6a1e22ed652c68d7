using Microsoft.Extensions.Options;
using PriceCapAttest.Console.Tests.Infrastructure;
using PriceCapAttest.WebConsole;

namespace PriceCapAttest.Console.Tests;

/// <summary>
/// The start-up check of the console's Entra settings (<see cref="ConsoleOptionsValidator"/>): all three valid or none;
/// each refusal names the setting with its section, as the host prints it (exit 2, one line per setting).
/// </summary>
public sealed class EntraSettingsCheck
{
    private const string Section = "LocalHost:Console";
    private const string ClientId = EntraTestValues.ClientId;
    private const string Authority = EntraTestValues.Authority;
    private const string Scope = EntraTestValues.Scope;

    [Fact]
    public void All_three_valid_settings_pass_the_check()
    {
        var result = Check(ClientId, Authority, Scope);

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", "\t")]
    public void No_entra_setting_at_all_passes_the_check_and_means_keys(string? clientId, string? authority, string? scope)
    {
        var options = Options(clientId, authority, scope);

        var result = new ConsoleOptionsValidator(Section).Validate(null, options);

        Assert.True(result.Succeeded, result.FailureMessage);
        Assert.False(options.Entra.IsConfigured);
        Assert.Equal(ConsoleConfigAnswer.Keys, ConsoleConfigAnswer.Of(options).Mode);
    }

    [Theory]
    [InlineData("my-console-app")]
    [InlineData("0b7f3c9e-5a41-4d2e-9c61")]
    public void A_client_id_that_is_not_a_guid_is_refused_by_name(string clientId)
    {
        var failures = Failures(clientId, Authority, Scope);

        Assert.StartsWith($"{Section}:Entra:ClientId ", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com/6d1c2b8a-94e3-4f70-b5a2-c38e1f9d0a47")]
    [InlineData("https://login.microsoftonline.com/6d1c2b8a-94e3-4f70-b5a2-c38e1f9d0a47?p=B2C_1_signin")]
    [InlineData("login.microsoftonline.com/6d1c2b8a-94e3-4f70-b5a2-c38e1f9d0a47")]
    public void An_authority_over_http_or_with_a_query_or_not_absolute_is_refused_by_name(string authority)
    {
        var failures = Failures(ClientId, authority, Scope);

        Assert.StartsWith($"{Section}:Entra:Authority ", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("api://3e9a51c4-7b2d-48f6-a0e5-91c7d2b4f683/.default openid")]
    public void A_missing_blank_or_double_scope_is_refused_by_name(string? scope)
    {
        var failures = Failures(ClientId, Authority, scope);

        Assert.StartsWith($"{Section}:Entra:Scope ", Assert.Single(failures), StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_set_is_refused_with_a_line_for_each_missing_setting()
    {
        var onlyClientId = Failures(ClientId, null, null);
        var onlyScope = Failures(null, null, Scope);

        Assert.Equal([$"{Section}:Entra:Authority", $"{Section}:Entra:Scope"], onlyClientId.Select(SettingOf));
        Assert.Equal([$"{Section}:Entra:ClientId", $"{Section}:Entra:Authority"], onlyScope.Select(SettingOf));
    }

    [Fact]
    public void The_section_of_the_functions_app_prefixes_the_messages_there()
    {
        var result = new ConsoleOptionsValidator(ConsoleOptions.Section).Validate(null, Options("not-a-guid", Authority, Scope));

        Assert.StartsWith("Console:Entra:ClientId ", Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    private static ValidateOptionsResult Check(string? clientId, string? authority, string? scope) =>
        new ConsoleOptionsValidator(Section).Validate(null, Options(clientId, authority, scope));

    private static List<string> Failures(string? clientId, string? authority, string? scope)
    {
        var result = Check(clientId, authority, scope);
        Assert.True(result.Failed, "the settings passed the check");
        return [.. result.Failures!];
    }

    private static string SettingOf(string failure) => failure[..failure.IndexOf(' ', StringComparison.Ordinal)];

    private static ConsoleOptions Options(string? clientId, string? authority, string? scope) =>
        new() { Entra = new() { ClientId = clientId, Authority = authority, Scope = scope } };
}
