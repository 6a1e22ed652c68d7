using PriceCapAttest.Cli.Commands;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// <c>pricecap alerts replay</c> against a stub API: it posts to <c>alerts/replay</c> (with the two ids, or none)
/// with the operator key and prints the alerts queued again; a refused request or an unreachable API exits 1 with a
/// clear message.
/// </summary>
public sealed class ReplayAlertsThroughTheApi
{
    [Fact]
    public async Task Replays_One_Attestation_With_The_Operator_Key_And_Lists_The_Alerts()
    {
        const string request = "POST /api/alerts/replay?shipperId=acme&attestationId=ATT%2F1";
        await using var api = new StubApi().Answer(request, 200, """{"replayed":["alert-1","alert-2"]}""");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--shipper", "acme", "--attestation", "ATT/1", "--api", api.Base]);

        Assert.True(run.ExitCode == 0, run.Error);
        var (sent, key, body) = Assert.Single(api.Received);
        Assert.Equal(request, sent);
        Assert.Equal(ApiCaller.Operator.DevelopmentKey, key);
        Assert.Equal("", body);
        Assert.Contains("2 failed alert(s) queued again.", run.Out, StringComparison.Ordinal);
        Assert.Contains("alert-1", run.Out, StringComparison.Ordinal);
        Assert.Contains("alert-2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Ids_Replays_Every_Failed_Alert_And_Nothing_Failed_Is_Exit_0()
    {
        await using var api = new StubApi().Answer("POST /api/alerts/replay", 200, """{"replayed":[]}""");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--key", "operator-key"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("operator-key", Assert.Single(api.Received).Key);
        Assert.Contains("0 failed alert(s) queued again.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Key_Of_Another_Role_Exits_1_With_The_Problem()
    {
        await using var api = new StubApi().Answer("POST /api/alerts/replay", 403,
            """{"type":"urn:pricecapattest:problem:forbidden","title":"Forbidden","status":403,"detail":"This route is for the role(s) Operator; the caller's role is Insurer.","instance":"/api/alerts/replay","errors":[]}""",
            "application/problem+json");

        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--key", "local-insurer-key"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("403 Forbidden: This route is for the role(s) Operator", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Unreachable_Api_Exits_1()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--api", StubApi.Unreachable()]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not reachable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_Id_Without_The_Other_Exits_1()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--attestation", "ATT-1", "--api", StubApi.Unreachable()]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Give both --shipper and --attestation, or neither", run.Error + run.Out, StringComparison.Ordinal);
    }
}
