using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The start-up check of <c>Authentication:Bearer</c> (each failure names the setting), and the token lifetime checked
/// by the injected clock rather than the machine's.
/// </summary>
public sealed class BearerSettingsAreChecked
{
    private const string Authority = "https://login.microsoftonline.com/tenant-1/v2.0";

    [Fact]
    public void Bearer_validation_with_an_authority_and_an_audience_needs_no_keyed_principal()
    {
        var result = Validate(new BearerOptions { Authority = Authority, Audiences = ["api://client-1", "client-1"] });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData(Authority, null, null, true, "LocalHost:Authentication:Bearer:Audiences: at least one audience")]
    [InlineData(Authority, " ", null, true, "LocalHost:Authentication:Bearer:Audiences: at least one audience")]
    [InlineData("login.microsoftonline.com/tenant-1", "api://a", null, true, "LocalHost:Authentication:Bearer:Authority: 'login.microsoftonline.com/tenant-1' is not an absolute http(s) URL")]
    [InlineData("ftp://issuer.example/v2.0", "api://a", null, true, "LocalHost:Authentication:Bearer:Authority: 'ftp://issuer.example/v2.0' is not an absolute http(s) URL")]
    [InlineData("http://127.0.0.1:5000/t/v2.0", "api://a", null, true, "LocalHost:Authentication:Bearer:RequireHttpsMetadata: the OpenID configuration http://127.0.0.1:5000/t/v2.0/.well-known/openid-configuration is http")]
    [InlineData(Authority, "api://a", "http://127.0.0.1:5000/meta", true, "LocalHost:Authentication:Bearer:RequireHttpsMetadata: the OpenID configuration http://127.0.0.1:5000/meta is http")]
    [InlineData(Authority, "api://a", "/relative", true, "LocalHost:Authentication:Bearer:MetadataAddress: '/relative' is not an absolute http(s) URL")]
    [InlineData(null, "api://a", null, true, "LocalHost:Authentication:Bearer:Authority: required with LocalHost:Authentication:Bearer:Audiences")]
    public void Each_bearer_setting_that_cannot_work_is_named(string? authority, string? audience, string? metadata, bool requireHttps, string failure)
    {
        var result = Validate(new BearerOptions
        {
            Authority = authority,
            Audiences = audience is null ? [] : [audience],
            MetadataAddress = metadata,
            RequireHttpsMetadata = requireHttps,
        });

        Assert.Contains(result.Failures ?? [], f => f.StartsWith(failure, StringComparison.Ordinal));
    }

    [Fact]
    public void An_http_issuer_passes_with_RequireHttpsMetadata_false()
    {
        var result = Validate(new BearerOptions { Authority = "http://127.0.0.1:5000/t/v2.0", Audiences = ["api://a"], RequireHttpsMetadata = false });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Without_bearer_validation_or_App_Service_a_principal_is_still_required()
    {
        var result = Validate(new BearerOptions());

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("LocalHost:Principals: at least one principal is required", StringComparison.Ordinal) && f.Contains("Authentication:Bearer:Authority", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_token_lifetime_is_checked_by_the_injected_clock()
    {
        using var issuer = TestIssuer.Start();
        var oid = Guid.NewGuid().ToString("D");
        var issuedAt = DateTimeOffset.UtcNow.AddDays(-3);
        var token = issuer.Token(oid, ["Insurer"], issuedAt);
        var clock = new FakeTimeProvider(issuedAt.AddMinutes(30));
        var options = new ApiAccessOptions { Authentication = { Bearer = { Authority = issuer.Authority, Audiences = [TestIssuer.Audience], RequireHttpsMetadata = false } } };
        var bearer = new BearerTokens(Options.Create(options), clock, NullLogger<BearerTokens>.Instance);

        var (identity, refused) = await bearer.ValidateAsync(token, CancellationToken.None);
        Assert.Null(refused);
        Assert.Equal(new ClientIdentity(ApiRole.Insurer, oid), identity);

        clock.Advance(TimeSpan.FromMinutes(30) + BearerTokens.ClockSkew + TimeSpan.FromSeconds(1));
        (identity, refused) = await bearer.ValidateAsync(token, CancellationToken.None);
        Assert.Null(identity);
        Assert.Equal(401, refused!.Status);
        Assert.Contains("expired", refused.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_issuer_is_503_not_a_fault()
    {
        var port = PriceCapAttest.Testing.Loopback.FreePort();
        var options = new ApiAccessOptions { Authentication = { Bearer = { Authority = $"http://127.0.0.1:{port}/t/v2.0", Audiences = [TestIssuer.Audience], RequireHttpsMetadata = false } } };
        var bearer = new BearerTokens(Options.Create(options), TimeProvider.System, NullLogger<BearerTokens>.Instance);
        using var issuer = TestIssuer.Start();

        var (identity, refused) = await bearer.ValidateAsync(issuer.Token(Guid.NewGuid().ToString("D"), ["Insurer"]), CancellationToken.None);

        Assert.Null(identity);
        Assert.Equal(503, refused!.Status);
    }

    private static ValidateOptionsResult Validate(BearerOptions bearer) =>
        new ApiAccessOptionsValidator("LocalHost:", appServiceAllowed: false).Validate(null, new ApiAccessOptions { Authentication = { Bearer = bearer } });
}
