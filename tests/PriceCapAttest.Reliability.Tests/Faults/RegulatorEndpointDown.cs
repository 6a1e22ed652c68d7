using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Alerts;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Faults;

/// <summary>
/// Poison path to Failed, and the operator's way back: a regulator endpoint down for the whole retry budget leaves
/// the alert Failed and visible; after the endpoint is repaired, <c>pricecap alerts replay</c> (through the HTTP API's
/// replay route, regulator key) delivers it once.
/// </summary>
public sealed class RegulatorEndpointDown(Emulator emulator) : IClassFixture<Emulator>, IAsyncLifetime
{
    private readonly string _secret = PipelineUnderTest.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await WebhookReceiver.StartAsync(_secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task An_Alert_Failed_After_Every_Round_Is_Visible_And_Replayed_Once_By_The_Operator_Command()
    {
        var eu = _receiver.Inbox("eu-down", _ => 503);
        var gb = _receiver.Inbox("gb-up", _ => 200);
        var settings = PipelineUnderTest.AlertSettings(new Dictionary<string, string> { ["EU"] = eu, ["GB"] = gb });
        await using var pipeline = await PipelineUnderTest.StartAsync(emulator, settings, secret: _secret);
        var shipper = PipelineUnderTest.NewShipper();
        const string attestationId = "ATT-DOWN-1";
        var blob = await pipeline.UploadAsync(shipper, "voyage.json", Documents.Json(attestationId, price: 46.00m));
        await pipeline.Ingest.IngestAsync(blob, CancellationToken.None);

        // GB delivered in round 1; EU retried with backoff for all 3 rounds, then Failed.
        var outcomes = await pipeline.RunAlertQueueAsync();
        Assert.Equal(1, outcomes.Count(o => o == AlertDispatchOutcome.Delivered));
        Assert.Equal(2, outcomes.Count(o => o == AlertDispatchOutcome.RetryScheduled));
        Assert.Equal(1, outcomes.Count(o => o == AlertDispatchOutcome.Failed));
        Assert.Equal(3, _receiver.To("eu-down").Count);

        // Visible: through the status reader and in the API's answer for the attestation.
        var deliveries = await pipeline.AlertStatus.GetAsync(shipper, attestationId, CancellationToken.None);
        var failed = Assert.Single(deliveries, d => d.Regime == "EU");
        Assert.Equal(AlertDeliveryStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Equal("HTTP 503 Service Unavailable", failed.LastError);
        Assert.Equal(AlertDeliveryStatus.Delivered, Assert.Single(deliveries, d => d.Regime == "GB").Status);
        var answer = await pipeline.Queries.GetAttestationAsync(shipper, attestationId, null, CancellationToken.None);
        Assert.NotNull(answer);
        Assert.Contains(AlertStatuses(System.Text.Json.JsonSerializer.Serialize(answer, PriceCapAttest.Domain.Results.ResultJson.Options)), s => s == ("EU", "Failed"));
        var poison = Assert.Single(await PoisonBodiesAsync(pipeline), body => body.Contains(shipper, StringComparison.Ordinal));

        // The endpoint is repaired; the operator replays the attestation's failed alerts through the API.
        _receiver.Answer("eu-down", _ => 200);
        await using var api = await ReplayApiFront.StartAsync(pipeline.Replayer);
        var wrongKey = await InProcessCli.RunAsync(
            ["alerts", "replay", "--shipper", shipper, "--attestation", attestationId, "--api", api.Base, "--key", "not-the-key"]);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("401", wrongKey.Error, StringComparison.Ordinal);
        var run = await InProcessCli.RunAsync(
            ["alerts", "replay", "--shipper", shipper, "--attestation", attestationId, "--api", api.Base, "--key", ReplayApiFront.RegulatorKey]);
        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("1 failed alert(s) queued again.", run.Out, StringComparison.Ordinal);
        Assert.Contains(failed.AlertId, run.Out, StringComparison.Ordinal);

        Assert.Equal([AlertDispatchOutcome.Delivered], await pipeline.RunAlertQueueAsync());
        var euCalls = _receiver.To("eu-down");
        Assert.Single(euCalls, c => c.AnsweredStatus == 200);
        Assert.Single(euCalls.Select(c => c.WebhookId).Distinct());
        Assert.All(euCalls, c => Assert.True(c.SignatureValid));
        Assert.Single(_receiver.To("gb-up"));
        Assert.All(await pipeline.AlertStatus.GetAsync(shipper, attestationId, CancellationToken.None),
            d => Assert.Equal(AlertDeliveryStatus.Delivered, d.Status));

        // The old poison copy stays as a record of the failure, and is ignored if it is ever put back on the queue.
        Assert.Equal(AlertDispatchOutcome.AlreadySettled, await pipeline.Dispatcher.DispatchAsync(poison, 1, CancellationToken.None));
        Assert.Equal(4, _receiver.To("eu-down").Count);

        // A second replay finds nothing Failed.
        var again = await InProcessCli.RunAsync(["alerts", "replay", "--api", api.Base, "--key", ReplayApiFront.RegulatorKey]);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 failed alert(s) queued again.", again.Out, StringComparison.Ordinal);
        Assert.Equal(0, await pipeline.QueuedAlertCountAsync());
    }

    [Fact]
    public async Task The_Replay_Command_Wants_Both_Ids_Or_None()
    {
        var run = await InProcessCli.RunAsync(["alerts", "replay", "--shipper", "s1", "--api", StubApiAddress]);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--shipper and --attestation", run.Error + run.Out, StringComparison.Ordinal);
    }

    /// <summary>Nothing listens here: the command must refuse the options before calling the API.</summary>
    private const string StubApiAddress = "http://127.0.0.1:9/api";

    private static async Task<List<string>> PoisonBodiesAsync(PipelineUnderTest pipeline) =>
        [.. (await pipeline.AlertStorage.PoisonQueue.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString())];

    private static List<(string Regime, string Status)> AlertStatuses(string attestationJson)
    {
        using var json = JsonDocument.Parse(attestationJson);
        return [.. json.RootElement.GetProperty("alerts").EnumerateArray()
            .Select(a => (a.GetProperty("regime").GetString()!, a.GetProperty("status").GetString()!))];
    }
}
