using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>
/// Entra ID sign-in in a real browser (MSAL's redirect flow), with nothing leaving 127.0.0.1: the authority's host is
/// answered inside the browser's routing by a <see cref="StandInAuthority"/>, /api by the test. The sign-in page, the
/// authorize request (client id, PKCE, the redirect address admins register: https://{host}/console/), and the way
/// back: code for tokens, then the access token as a bearer token to /api/me and the signed-in party shown.
/// </summary>
public sealed class EntraSignIn(EntraConsoleFixture console) : IClassFixture<EntraConsoleFixture>
{
    private const string Vessel = "vessels/9074729";

    [Fact]
    public async Task In_entra_mode_a_page_offers_sign_in_with_Microsoft_no_key_form_and_asks_the_api_nothing()
    {
        await using var session = await EntraSession.OpenAsync(console);

        await session.Page.GotoAsync(session.Url(Vessel));

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByLabel("API key")).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        Assert.Empty(session.ApiCalls);
        Assert.DoesNotContain(session.Authority.Requests, r => r.Url.AbsolutePath.EndsWith("/authorize", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_in_with_Microsoft_goes_to_the_authorize_endpoint_with_the_client_id_pkce_and_the_console_as_redirect_uri()
    {
        await using var session = await EntraSession.OpenAsync(console);
        await session.Page.GotoAsync(session.Url(Vessel));

        var authorize = await ClickSignInAsync(session);

        var query = StandInAuthority.Query(authorize.Url);
        Assert.Equal(EntraConsoleFixture.ClientId, query["client_id"]);
        Assert.Equal("code", query["response_type"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Matches("^[A-Za-z0-9_-]{43}$", query["code_challenge"]);
        Assert.Equal(session.Url(""), query["redirect_uri"]);
        Assert.Equal(console.BaseAddress.GetLeftPart(UriPartial.Authority) + "/console/", query["redirect_uri"]);
        Assert.Contains(EntraConsoleFixture.Scope, query["scope"].Split(' '));
        Assert.Contains("openid", query["scope"].Split(' '));
        Assert.False(string.IsNullOrEmpty(query["state"]));
        Assert.False(string.IsNullOrEmpty(query["nonce"]));
        Assert.Empty(session.ApiCalls);
        Assert.All(session.Authority.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task Coming_back_with_a_code_the_console_sends_the_access_token_as_a_bearer_to_the_api_and_shows_the_party()
    {
        await using var session = await EntraSession.OpenAsync(console);
        session.Me = """{"role":"Insurer","partyId":"insurer-1"}""";
        await session.Page.GotoAsync(session.Url(Vessel));
        var authorize = StandInAuthority.Query((await ClickSignInAsync(session)).Url);

        // What Entra does after the user signs in (response_mode=fragment): back to redirect_uri with code and state.
        await session.Page.GotoAsync($"{authorize["redirect_uri"]}#code=stand-in-code&client_info={session.Authority.ClientInfo}&state={Uri.EscapeDataString(authorize["state"])}&session_state=s1");

        await Assertions.Expect(session.Page.GetByTestId("signed-in-as")).ToContainTextAsync("Insurer · insurer-1");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).Not.ToHaveTextAsync("Sign in");
        Assert.Equal(session.Url(Vessel), session.Page.Url);
        var token = Assert.Single(session.Authority.Requests, r => r.Method == "POST");
        Assert.Equal(session.Authority.TokenEndpoint.AbsoluteUri, token.Url.GetLeftPart(UriPartial.Path));
        var form = StandInAuthority.Form(token.PostData);
        Assert.Equal("authorization_code", form["grant_type"]);
        Assert.Equal("stand-in-code", form["code"]);
        Assert.Equal(EntraConsoleFixture.ClientId, form["client_id"]);
        Assert.Equal(authorize["redirect_uri"], form["redirect_uri"]);
        Assert.Equal(authorize["code_challenge"], StandInAuthority.Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"]))));
        var me = Assert.Single(session.ApiCalls, c => c.PathAndQuery == "/api/me");
        Assert.Equal("Bearer " + session.Authority.AccessToken, me.Authorization);
        Assert.All(session.ApiCalls, c => Assert.Equal("Bearer " + session.Authority.AccessToken, c.Authorization));
        Assert.Contains(session.ApiCalls, c => c.PathAndQuery.StartsWith("/api/vessels/9074729/attestations", StringComparison.Ordinal));
        var keys = await session.Page.EvaluateAsync<int>("() => window.localStorage.length");
        Assert.Equal(0, keys);
    }

    /// <summary>Clicks "Sign in with Microsoft" and waits for MSAL's navigation to the stand-in's authorize page.</summary>
    private static async Task<AuthorityRequest> ClickSignInAsync(EntraSession session)
    {
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in with Microsoft" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.StartsWith(session.Authority.AuthorizeEndpoint.AbsoluteUri + "?", StringComparison.Ordinal));
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Name = "Stand-in for the Entra sign-in page" })).ToBeVisibleAsync();
        var authorize = session.Authority.LastAuthorize;
        Assert.NotNull(authorize);
        Assert.Equal(session.Page.Url, authorize.Url.AbsoluteUri);
        return authorize;
    }
}
