using PriceCapAttest.Api.Security;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The start-up check of the principals and rate limits (both hosts; the local host prints each failure and exits 2,
/// see AlertRoutesMustBeHttps): each failure names the setting, never a key.
/// </summary>
public sealed class PrincipalSettingsAreChecked
{
    private const string Key = "a-key-of-16-chars-or-more";

    [Theory]
    [InlineData("Shipper", "demo", Key, null)]
    [InlineData("Insurer", "insurer_1.a-b", Key, null)]
    [InlineData("Regulator", "EU", Key, null)]
    [InlineData("Operator", "ops", Key, null)]
    [InlineData("Admin", "ops", Key, "LocalHost:Principals:0:Role: 'Admin' is not a role")]
    [InlineData("insurer", "ops", Key, "LocalHost:Principals:0:Role: 'insurer' is not a role")]
    [InlineData("1", "ops", Key, "LocalHost:Principals:0:Role: '1' is not a role")]
    [InlineData(null, "ops", Key, "LocalHost:Principals:0:Role: '' is not a role")]
    [InlineData("Shipper", null, Key, "LocalHost:Principals:0:PartyId: required")]
    [InlineData("Shipper", "has space", Key, "LocalHost:Principals:0:PartyId: 'has space' is not a party id of a shipper")]
    [InlineData("Insurer", "x/y", Key, "LocalHost:Principals:0:PartyId: 'x/y' is not a party id of a insurer")]
    [InlineData("Regulator", "XX", Key, "LocalHost:Principals:0:PartyId: 'XX' is not a party id of a regulator; expected a regime code: US, EU")]
    [InlineData("Regulator", "eu", Key, "LocalHost:Principals:0:PartyId: 'eu' is not a party id of a regulator")]
    [InlineData("Shipper", "demo", "short-key-15chr", "LocalHost:Principals:0:Key: a key must be at least 16 characters")]
    [InlineData("Shipper", "demo", "a key with spaces in it", "LocalHost:Principals:0:Key: a key must be at least 16 characters")]
    [InlineData("Shipper", "demo", null, "LocalHost:Principals:0:Key: a key must be at least 16 characters")]
    public void Each_Principal_Needs_A_Role_A_Party_Of_That_Role_And_A_Long_Key(string? role, string? party, string? key, string? failure)
    {
        var result = Validate(new PrincipalSetting { Role = role, PartyId = party, Key = key });

        if (failure is null)
        {
            Assert.True(result.Succeeded, result.FailureMessage);
        }
        else
        {
            Assert.Contains(result.Failures!, f => f.StartsWith(failure, StringComparison.Ordinal));
            Assert.All(result.Failures!, f => Assert.DoesNotContain("a-key-of-16", f, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void The_Same_Key_Twice_Is_Named_Without_The_Key()
    {
        var result = Validate(
            new PrincipalSetting { Role = "Shipper", PartyId = "a", Key = Key },
            new PrincipalSetting { Role = "Insurer", PartyId = "b", Key = Key + "-2" },
            new PrincipalSetting { Role = "Operator", PartyId = "c", Key = Key });

        Assert.Equal(["LocalHost:Principals:2:Key: the same key as LocalHost:Principals:0:Key; each principal needs its own key."], result.Failures);
    }

    [Fact]
    public void No_Principal_Is_Refused_Unless_App_Service_Authentication_Names_Them()
    {
        Assert.Contains("LocalHost:Principals: at least one principal is required", Validate().FailureMessage, StringComparison.Ordinal);
        var appService = new ApiAccessOptions { Authentication = { AppService = true } };
        Assert.True(new ApiAccessOptionsValidator("", appServiceAllowed: true).Validate(null, appService).Succeeded);
    }

    [Fact]
    public void The_Local_Host_Refuses_App_Service_Authentication_And_The_Former_Key_Lists()
    {
        var options = new ApiAccessOptions
        {
            Principals = [new PrincipalSetting { Role = "Operator", PartyId = "ops", Key = Key }],
            Authentication = { AppService = true },
            ApiKeys = new() { ["Insurer"] = ["former-insurer-key-0123"] },
        };

        var result = new ApiAccessOptionsValidator("LocalHost:", appServiceAllowed: false).Validate(null, options);

        Assert.Contains(result.Failures!, f => f.StartsWith("LocalHost:Authentication:AppService: this host is not behind App Service authentication", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("LocalHost:ApiKeys is no longer used", StringComparison.Ordinal));
        Assert.DoesNotContain("former-insurer-key", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 60, "LocalHost:RateLimits:PermitLimit: must be 1 or more.")]
    [InlineData(10, 0, "LocalHost:RateLimits:Window: must be longer than zero (e.g. 00:01:00).")]
    public void The_Rate_Limit_Is_Positive(int permits, int seconds, string failure)
    {
        var options = new ApiAccessOptions
        {
            Principals = [new PrincipalSetting { Role = "Operator", PartyId = "ops", Key = Key }],
            RateLimits = { PermitLimit = permits, Window = TimeSpan.FromSeconds(seconds) },
        };

        Assert.Equal([failure], new ApiAccessOptionsValidator("LocalHost:", appServiceAllowed: false).Validate(null, options).Failures);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(params PrincipalSetting[] principals) =>
        new ApiAccessOptionsValidator("LocalHost:", appServiceAllowed: false).Validate(null, new ApiAccessOptions { Principals = [.. principals] });
}
