using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// Every API command calls with a key (x-functions-key: --key, PRICECAP_API_KEY, else the role's development key) or
/// an Entra ID token (Authorization: Bearer, for --entra SCOPE or PRICECAP_API_SCOPE), never both; no token is exit 1
/// with a sign-in hint, and no key or token is ever printed.
/// </summary>
public sealed class ApiAuthenticationOptions
{
    private const string Replay = "POST /api/alerts/replay";
    private const string Nothing = """{"replayed":[]}""";
    private const string Scope = "api://11111111-2222-3333-4444-555555555555/.default";

    [Fact]
    public async Task The_Key_From_The_Environment_Is_Sent_As_X_Functions_Key()
    {
        await using var api = new StubApi().Answer(Replay, 200, Nothing);

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base], variables: new Dictionary<string, string> { [ApiCredentials.KeyVariable] = "env-key" });

        Assert.True(run.ExitCode == 0, run.Error);
        var request = Assert.Single(api.Requests);
        Assert.Equal("env-key", request.Key);
        Assert.Null(request.Authorization);
    }

    [Fact]
    public async Task Entra_Sends_The_Credential_S_Token_For_The_Scope_As_Bearer_And_No_Key()
    {
        await using var api = new StubApi().Answer(Replay, 200, Nothing);
        var credential = new FakeCredential("token-from-entra");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--entra", Scope], credential: credential);

        Assert.True(run.ExitCode == 0, run.Error);
        var request = Assert.Single(api.Requests);
        Assert.Equal("Bearer token-from-entra", request.Authorization);
        Assert.Null(request.Key);
        Assert.Equal([Scope], credential.Scopes);
    }

    [Fact]
    public async Task The_Scope_Variable_Alone_Selects_A_Token_And_Entra_Without_A_Value_Takes_It()
    {
        await using var api = new StubApi().Answer(Replay, 200, Nothing);
        var variables = new Dictionary<string, string> { [ApiCredentials.ScopeVariable] = Scope };
        var alone = new FakeCredential("t1");
        var flag = new FakeCredential("t2");

        var first = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base], variables: variables, credential: alone);
        var second = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--entra"], variables: variables, credential: flag);

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0, first.Error + second.Error);
        Assert.Equal(["Bearer t1", "Bearer t2"], api.Requests.Select(r => r.Authorization));
        Assert.Equal([Scope], alone.Scopes);
        Assert.Equal([Scope], flag.Scopes);
    }

    [Fact]
    public async Task An_Option_Wins_Over_The_Other_Kind_In_The_Environment()
    {
        await using var api = new StubApi().Answer(Replay, 200, Nothing);
        var variables = new Dictionary<string, string> { [ApiCredentials.KeyVariable] = "env-key", [ApiCredentials.ScopeVariable] = Scope };

        var byKey = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--key", "option-key"], variables: variables);
        var byToken = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--entra"], variables: variables, credential: new FakeCredential("t"));

        Assert.True(byKey.ExitCode == 0 && byToken.ExitCode == 0, byKey.Error + byToken.Error);
        var requests = api.Requests.ToList();
        Assert.Equal(("option-key", null), (requests[0].Key, requests[0].Authorization));
        Assert.Equal((null, "Bearer t"), (requests[1].Key, requests[1].Authorization));
    }

    [Fact]
    public async Task No_Credential_Exits_1_With_The_Sign_In_Hint_And_Sends_Nothing()
    {
        await using var api = new StubApi().Answer(Replay, 200, Nothing);

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--entra", Scope], credential: new FakeCredential(null));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"No Entra ID token for the scope {Scope}", run.Error, StringComparison.Ordinal);
        Assert.Contains("az login", run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Entra_Without_A_Scope_Exits_1()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", StubApi.Unreachable(), "--entra"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--entra needs a scope", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_And_Entra_Together_Exit_1()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", StubApi.Unreachable(), "--key", "k", "--entra", Scope]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Give --key or --entra, not both.", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_And_Scope_Both_In_The_Environment_Exit_1()
    {
        var variables = new Dictionary<string, string> { [ApiCredentials.KeyVariable] = "k", [ApiCredentials.ScopeVariable] = Scope };

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", StubApi.Unreachable()], variables: variables);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PRICECAP_API_KEY and PRICECAP_API_SCOPE are both set", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Token_Is_Not_Sent_Over_Plain_Http_To_Another_Host()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", "http://pricecap.example/api", "--entra", Scope], credential: new FakeCredential("t"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("only sent over https", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Refused_Key_Exits_1_With_A_Hint_And_The_Key_Is_Not_Printed()
    {
        const string secret = "s3cret-key-0123456789";
        await using var api = new StubApi().Answer(Replay, 401,
            """{"type":"urn:pricecapattest:problem:unauthorized","title":"Unauthorized","status":401,"detail":"A valid key is required.","instance":"/api/alerts/replay","errors":[]}""",
            "application/problem+json");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--key", secret]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("401 Unauthorized", run.Error, StringComparison.Ordinal);
        Assert.Contains("check --key or PRICECAP_API_KEY", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, run.Error + run.Out + run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Refused_Token_Exits_1_And_The_Token_Is_Not_Printed()
    {
        const string token = "eyJ0eXAiOiJKV1QiLCJhbGciOi.secret";
        await using var api = new StubApi().Answer(Replay, 401, "", "text/plain");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--entra", Scope], credential: new FakeCredential(token));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("The API answered 401", run.Error, StringComparison.Ordinal);
        Assert.Contains("did not accept the Entra ID token", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(token, run.Error + run.Out + run.StandardOutput, StringComparison.Ordinal);
    }
}
