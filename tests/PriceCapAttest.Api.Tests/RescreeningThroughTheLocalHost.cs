using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;
using PriceCapAttest.RegulatorInbox;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// Through the local host process, each test on its own Azurite (re-screening state is account-wide): a corrected cap
/// schedule published to <c>config/cap-schedule.json</c> re-screens the stored attestations it can affect, the API
/// shows the new evaluation with its history, the regulator's inbox gets each new violation alert once, and a run
/// interrupted by a host stop is finished by the restarted host without checking or alerting anything twice.
/// </summary>
public sealed class RescreeningThroughTheLocalHost
{
    private const string AfterReview = "2026-08-10";
    private const string BeforeReview = "2026-03-02";
    private const string CorrectedVersion = "2026-12-01.1-corrected";
    private const string ViolationType = "org.pricecapattest.violation";

    private static readonly string[] ViolatedRegimes = ["EU", "GB"];

    /// <summary>Bound of the wait for 2,000 alerts after the resumed run has finished, on a loaded CI machine.</summary>
    private static readonly TimeSpan AllAlertsTimeout = TimeSpan.FromSeconds(180);

    private static readonly Dictionary<string, string> FastRescreening = new()
    {
        ["Schedule__RefreshInterval"] = "00:00:01",
        ["Rescreen__Interval"] = "00:00:01",
        ["Rescreen__PageSize"] = "50",
    };

    [Fact]
    public async Task A_Corrected_Schedule_Published_To_The_Blob_Changes_The_Affected_Verdicts_And_Alerts_The_Regulator_Once()
    {
        await using var pipeline = await RestartableLocalPipeline.StartAsync(FastRescreening);
        var shipper = LocalPipelineFixture.NewShipper();
        string[] compliant = ["ATT-C1", "ATT-C2"], violating = ["ATT-V1", "ATT-V2"], before = ["ATT-B1", "ATT-B2"];
        await UploadAndWaitForReceiptAsync(pipeline, shipper, "voyages.csv", Csv(
            (compliant[0], 46.00m, AfterReview), (violating[0], 48.00m, AfterReview), (before[0], 42.10m, BeforeReview),
            (compliant[1], 46.00m, AfterReview), (violating[1], 48.00m, AfterReview), (before[1], 46.00m, BeforeReview)), TimeSpan.FromSeconds(120));
        foreach (var id in compliant.Concat(violating))
        {
            Assert.Equal("NeedsReview", (await AttestationAsync(pipeline, shipper, id))["verdict"]!.GetValue<string>());
        }

        // ATT-B2 breaks the March caps at ingest: its two alerts arrive before anything is re-screened.
        await Eventually.GetAsync(() => Task.FromResult(AlertsOf(pipeline.Inbox, shipper).Count >= 2 ? "ingest alerts" : null),
            $"the ingest alerts of {before[1]}.{Environment.NewLine}{pipeline.HostOutput}", TimeSpan.FromSeconds(60));
        var atIngest = AlertsOf(pipeline.Inbox, shipper).Select(a => a.WebhookId).ToHashSet(StringComparer.Ordinal);
        var beforeAnswers = await Task.WhenAll(before.Select(id => AttestationAsync(pipeline, shipper, id)));

        // The dry run names exactly the attestations that then change.
        var corrected = Schedules.Corrected(47.00m, CorrectedVersion);
        var dryRun = await SendJsonAsync(pipeline.Operator, HttpMethod.Post, "rescreens/dry-run", corrected);
        Assert.Equal(compliant.Concat(violating).Order(StringComparer.Ordinal),
            dryRun["attestations"]!.AsArray().Select(a => a!["attestationId"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Empty(await RunsAsync(pipeline));

        await PublishAsync(pipeline, corrected);
        var clock = Stopwatch.StartNew();
        var expected = compliant.Select(id => (id, "Compliant")).Concat(violating.Select(id => (id, "Violation"))).ToList();
        var answers = await Eventually.GetAsync(async () =>
        {
            var current = await Task.WhenAll(expected.Select(e => AttestationAsync(pipeline, shipper, e.id)));
            return current.Select((a, i) => a["verdict"]!.GetValue<string>() == expected[i].Item2).All(x => x) ? current : null;
        }, $"the verdicts of {string.Join(", ", expected)} after the corrected schedule is published.{Environment.NewLine}{pipeline.HostOutput}",
            TimeSpan.FromSeconds(60));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"publish to changed verdicts took {clock.Elapsed}");

        var run = await FinishedRunAsync(pipeline, TimeSpan.FromSeconds(60));
        var runId = run["id"]!.GetValue<string>();
        Assert.Equal(CorrectedVersion, run["scheduleVersion"]!.GetValue<string>());
        Assert.Equal(expected.Count, run["progress"]!["changed"]!.GetValue<int>());
        Assert.All(answers, answer =>
        {
            Assert.Equal(CorrectedVersion, answer["scheduleVersion"]!.GetValue<string>());
            Assert.Equal(2, answer["evaluation"]!["number"]!.GetValue<int>());
            Assert.Equal("rescreen", answer["evaluation"]!["cause"]!.GetValue<string>());
            Assert.Equal(runId, answer["evaluation"]!["rescreenRunId"]!.GetValue<string>());
            var past = Assert.Single(answer["history"]!.AsArray())!;
            Assert.Equal("NeedsReview", past["verdict"]!.GetValue<string>());
            Assert.Equal(1, past["number"]!.GetValue<int>());
            Assert.Equal("ingest", past["cause"]!.GetValue<string>());
        });
        // The CSV's receipt lists each re-evaluation of its attestations; pricecap status shows the history.
        var receipt = await SendJsonAsync(pipeline.Operator, HttpMethod.Get, $"receipts/attestations/{Uri.EscapeDataString(shipper)}/voyages.csv");
        var (receiptValid, receiptErrors) = OpenApiDocument.Validate("Receipt", receipt.ToJsonString());
        Assert.True(receiptValid, receiptErrors);
        var reevaluations = receipt["reevaluations"]!.AsArray();
        Assert.Equal(expected.Select(e => $"{e.id} NeedsReview->{e.Item2} {runId}").Order(StringComparer.Ordinal),
            reevaluations.Select(r => $"{r!["attestationId"]} {r["from"]}->{r["to"]} {r["rescreenRunId"]}").Order(StringComparer.Ordinal));
        var status = await InProcessCli.RunAsync("status", "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey,
            "--shipper", shipper, "--attestation", violating[0]);
        Assert.True(status.ExitCode == 2, status.ToString());
        Assert.Contains($"Evaluation 1.2: re-screening for schedule {CorrectedVersion} (run {runId}", status.Output, StringComparison.Ordinal);
        Assert.Matches(@"1\.1\s+│\s+NeedsReview\s+│\s+\S+\s+│\s+ingest", status.Output);

        for (var i = 0; i < before.Length; i++)
        {
            var answer = await AttestationAsync(pipeline, shipper, before[i]);
            Assert.Equal(1, answer["evaluation"]!["number"]!.GetValue<int>());
            Assert.Empty(answer["history"]!.AsArray());
            Assert.Equal(beforeAnswers[i]["verdict"]!.GetValue<string>(), answer["verdict"]!.GetValue<string>());
        }

        // One signed violation alert per newly violated regime of each 48.00 attestation, each id once.
        var wanted = violating.SelectMany(id => ViolatedRegimes.Select(r => $"{id} {r}")).Order(StringComparer.Ordinal).ToList();
        await Eventually.GetAsync(() => Task.FromResult(AlertsOf(pipeline.Inbox, shipper).Count(a => !atIngest.Contains(a.WebhookId)) >= wanted.Count ? "alerts" : null),
            $"{wanted.Count} re-screening alerts at the inbox.{Environment.NewLine}{pipeline.HostOutput}", TimeSpan.FromSeconds(60));
        await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now
        var rescreened = AlertsOf(pipeline.Inbox, shipper).Where(a => !atIngest.Contains(a.WebhookId)).ToList();
        Assert.All(rescreened, alert =>
        {
            Assert.True(alert.SignatureValid, "the Standard Webhooks signature verifies with the shared secret");
            Assert.Equal(ViolationType, alert.Type);
            Assert.Contains("-e2-", CloudEventId(alert), StringComparison.Ordinal);
            Assert.Equal("/" + alert.Regime!.ToLowerInvariant(), alert.Path);
        });
        Assert.Equal(wanted, rescreened.Select(a => $"{a.AttestationId} {a.Regime}").Order(StringComparer.Ordinal));
        Assert.Equal(rescreened.Count, rescreened.Select(CloudEventId).Distinct(StringComparer.Ordinal).Count());

        // The same bytes published again: no new run, no new alert.
        var alertsSoFar = pipeline.Inbox.Received.Count;
        await PublishAsync(pipeline, corrected);
        await Task.Delay(TimeSpan.FromSeconds(6)); // past the schedule refresh and two re-screening intervals
        var runs = await RunsAsync(pipeline);
        Assert.True(runs.Count == 1, $"one run after publishing the same schedule again, not {runs.Count}: {JsonSerializer.Serialize(runs)}");
        Assert.Equal(alertsSoFar, pipeline.Inbox.Received.Count);
    }

    [Fact]
    public async Task A_Run_Interrupted_By_A_Host_Stop_Is_Finished_After_The_Restart_Checking_And_Alerting_Each_Attestation_Once()
    {
        const int Count = 2000;
        await using var pipeline = await RestartableLocalPipeline.StartAsync(FastRescreening);
        var shipper = LocalPipelineFixture.NewShipper();
        var rows = Enumerable.Range(0, Count).Select(i => ($"ATT-{i:D4}", i % 2 == 0 ? 48.00m : 46.00m, AfterReview)).ToArray();
        await UploadAndWaitForReceiptAsync(pipeline, shipper, "year.csv", Csv(rows), TimeSpan.FromSeconds(600));
        Assert.Empty(AlertsOf(pipeline.Inbox, shipper)); // NeedsReview alerts nobody

        await PublishAsync(pipeline, Schedules.Corrected(47.00m, CorrectedVersion));
        var running = await Eventually.GetAsync(async () =>
        {
            var first = (await RunsAsync(pipeline)).FirstOrDefault();
            if (first?["status"]?.GetValue<string>() is "finished" or "failed" or "superseded")
            {
                throw new InvalidOperationException($"The run ended before the host could be stopped mid-way: {first.ToJsonString()}");
            }

            return first is not null && first["status"]!.GetValue<string>() == "running" && first["progress"]!["examined"]!.GetValue<int>() > 0 ? first : null;
        }, $"a running re-screening run with progress.examined > 0.{Environment.NewLine}{pipeline.HostOutput}", TimeSpan.FromSeconds(120));
        var runId = running["id"]!.GetValue<string>();

        Assert.True(await pipeline.StopHostAsync(TimeSpan.FromSeconds(60)), $"the host stops within 60 s of SIGTERM.{Environment.NewLine}{pipeline.HostOutput}");
        await pipeline.StartHostAsync();
        var stopped = await RunAsync(pipeline, runId);
        Assert.True(stopped["progress"]!["examined"]!.GetValue<int>() < Count,
            $"the host was stopped before the run was done: {stopped.ToJsonString()}{Environment.NewLine}{pipeline.HostOutput}");

        var run = await FinishedRunAsync(pipeline, TimeSpan.FromSeconds(600));
        Assert.Equal(runId, run["id"]!.GetValue<string>());
        Assert.Single(await RunsAsync(pipeline));
        Assert.True(run["progress"]!["changed"]!.GetValue<int>() == Count,
            $"progress.changed is {Count}: {run.ToJsonString()}{Environment.NewLine}{pipeline.HostOutput}");

        // Every attestation re-checked once: evaluation 2, one past evaluation; its alerts carry evaluation 2.
        var expectedIds = new HashSet<string>(StringComparer.Ordinal);
        var problems = new List<string>();
        using (var gate = new SemaphoreSlim(8))
        {
            await Task.WhenAll(rows.Select(async row =>
            {
                await gate.WaitAsync();
                try
                {
                    var answer = await AttestationAsync(pipeline, shipper, row.Item1);
                    var verdict = answer["verdict"]!.GetValue<string>();
                    var number = answer["evaluation"]!["number"]!.GetValue<int>();
                    var history = answer["history"]!.AsArray().Count;
                    var alerts = answer["alerts"]!.AsArray().Where(a => a!["alertId"]!.GetValue<string>().Contains("-e2-", StringComparison.Ordinal))
                        .Select(a => a!["alertId"]!.GetValue<string>()).Distinct(StringComparer.Ordinal).ToList();
                    var want = row.Item2 == 48.00m ? ViolatedRegimes.Length : 0;
                    lock (problems)
                    {
                        if (verdict != (row.Item2 == 48.00m ? "Violation" : "Compliant") || number != 2 || history != 1 || alerts.Count != want)
                        {
                            problems.Add($"{row.Item1}: verdict {verdict}, evaluation {number}, history {history}, alerts [{string.Join(", ", alerts)}]");
                        }

                        expectedIds.UnionWith(alerts);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        Assert.True(problems.Count == 0, $"{problems.Count} attestation(s) not re-checked exactly once:" +
            $"{Environment.NewLine}{string.Join(Environment.NewLine, problems.Take(20))}{Environment.NewLine}{pipeline.HostOutput}");
        Assert.Equal(Count / 2 * ViolatedRegimes.Length, expectedIds.Count);

        // Every alert at the inbox once, signed: polled until all have come (bounded), then a pause for late copies.
        var tally = new InboxTally(pipeline.Inbox, shipper);
        var waited = Stopwatch.StartNew();
        while (tally.Refresh().MissingOf(expectedIds).Count > 0 && waited.Elapsed < AllAlertsTimeout)
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(3)); // anything sent twice would arrive now
        tally.Refresh();
        if (tally.MissingOf(expectedIds).Count > 0 || tally.Duplicated.Count > 0 || tally.UnexpectedOf(expectedIds).Count > 0 || tally.Unsigned > 0)
        {
            Assert.Fail($"The inbox after {waited.Elapsed.TotalSeconds:0} s does not hold each expected alert exactly once:{Environment.NewLine}" +
                $"{tally.Describe(expectedIds)}{Environment.NewLine}" +
                $"{await AlertStorageSnapshot.DescribeAsync(pipeline.Tables, pipeline.Queues, tally.MissingOf(expectedIds))}{Environment.NewLine}" +
                pipeline.HostOutput);
        }

        Assert.All(AlertsOf(pipeline.Inbox, shipper), a => Assert.Equal(ViolationType, a.Type));
        Assert.Equal(1, pipeline.OutputLines($"Re-screen {runId} for schedule {CorrectedVersion} finished"));
    }

    /// <summary>One CSV (the columns of <see cref="Documents.Csv"/>), each cargo discharged 30 days after loading.</summary>
    private static byte[] Csv(params (string Id, decimal Price, string LoadingDate)[] rows)
    {
        var text = new StringBuilder();
        foreach (var (id, price, loading) in rows)
        {
            var lines = Documents.Csv(id, price, loadingDate: loading).Split('\n');
            if (text.Length == 0)
            {
                text.Append(lines[0]).Append('\n');
            }

            var discharge = DateOnly.ParseExact(loading, "yyyy-MM-dd", CultureInfo.InvariantCulture).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            text.Append(lines[1].Replace(",INMUN,2026-03-30,", $",INMUN,{discharge},", StringComparison.Ordinal)).Append('\n');
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static async Task UploadAndWaitForReceiptAsync(RestartableLocalPipeline pipeline, string shipper, string name, byte[] content, TimeSpan timeout)
    {
        var container = pipeline.Blobs.GetBlobContainerClient("attestations");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{shipper}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        var path = $"receipts/attestations/{Uri.EscapeDataString(shipper)}/{Uri.EscapeDataString(name)}";
        var receipt = await Eventually.GetAsync(async () =>
        {
            using var response = await pipeline.Operator.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? JsonNode.Parse(await response.Content.ReadAsStringAsync()) : null;
        }, $"a receipt for attestations/{shipper}/{name}.{Environment.NewLine}{pipeline.HostOutput}", timeout);
        Assert.True(receipt["status"]!.GetValue<string>() == "Processed", $"the receipt is Processed: {receipt.ToJsonString()[..Math.Min(2000, receipt.ToJsonString().Length)]}");
    }

    private static async Task PublishAsync(RestartableLocalPipeline pipeline, string schedule)
    {
        var container = pipeline.Blobs.GetBlobContainerClient("config");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient("cap-schedule.json").UploadAsync(BinaryData.FromBytes(Encoding.UTF8.GetBytes(schedule)), overwrite: true);
    }

    private static Task<JsonNode> AttestationAsync(RestartableLocalPipeline pipeline, string shipper, string attestationId) =>
        SendJsonAsync(pipeline.Operator, HttpMethod.Get, $"attestations/{Uri.EscapeDataString(shipper)}/{Uri.EscapeDataString(attestationId)}");

    private static async Task<List<JsonNode>> RunsAsync(RestartableLocalPipeline pipeline) =>
        [.. (await SendJsonAsync(pipeline.Operator, HttpMethod.Get, "rescreens"))["runs"]!.AsArray().Select(r => r!)];

    private static async Task<JsonNode> RunAsync(RestartableLocalPipeline pipeline, string runId) =>
        (await SendJsonAsync(pipeline.Operator, HttpMethod.Get, $"rescreens/{Uri.EscapeDataString(runId)}"))["run"]!;

    /// <summary>The newest run once it is finished (failed or superseded fail the test).</summary>
    private static Task<JsonNode> FinishedRunAsync(RestartableLocalPipeline pipeline, TimeSpan timeout) =>
        Eventually.GetAsync(async () =>
        {
            var run = (await RunsAsync(pipeline)).FirstOrDefault();
            return run?["status"]?.GetValue<string>() switch
            {
                "finished" => run,
                "failed" or "superseded" => throw new InvalidOperationException($"The run ended {run["status"]}: {run.ToJsonString()}{Environment.NewLine}{pipeline.HostOutput}"),
                _ => null,
            };
        }, $"a finished re-screening run.{Environment.NewLine}{pipeline.HostOutput}", timeout);

    private static async Task<JsonNode> SendJsonAsync(HttpClient client, HttpMethod method, string path, string? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    private static List<ReceivedAlert> AlertsOf(Inbox inbox, string shipper) => [.. inbox.Received.Where(a => a.ShipperId == shipper)];

    private static string CloudEventId(ReceivedAlert alert) => JsonNode.Parse(alert.Body)?["id"]?.GetValue<string>() ?? "";
}
