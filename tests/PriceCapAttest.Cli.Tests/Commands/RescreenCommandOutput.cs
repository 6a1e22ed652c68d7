using System.Text.Json;
using System.Text.Json.Nodes;
using PriceCapAttest.Cli.Commands;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// <c>pricecap rescreen</c> against a stub API: the dry run sends the file and prints the counts and the list (or the
/// raw answer), runs are listed, and a refused schedule, a missing file, an unreachable API and a missing
/// <c>--dry-run</c> each exit 1 with a clear message.
/// </summary>
public sealed class RescreenCommandOutput
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly RescreenDryRunReport Report = new(
        "2026-12-01.1-corrected", "ab12", "2026-12-01.1", ["EU crude cap 47.60 -> 47.00 from 2026-08-01"], 2, 5, 2, 3, 0,
        [new RescreenCount("EU", Verdict.NeedsReview, Verdict.Violation, 1), new RescreenCount("GB", Verdict.NeedsReview, Verdict.Compliant, 1)],
        [
            new RescreenChange("acme", "ATT-V1", 1, new DateOnly(2026, 8, 10), Verdict.NeedsReview, Verdict.Violation, "2026-12-01.1", "2026-12-01.1-corrected",
                [new RegimeVerdictChange("EU", Verdict.NeedsReview, Verdict.Violation)]),
            new RescreenChange("acme", "ATT-C1", 2, new DateOnly(2026, 8, 11), Verdict.NeedsReview, Verdict.Compliant, "2026-12-01.1", "2026-12-01.1-corrected",
                [new RegimeVerdictChange("GB", Verdict.NeedsReview, Verdict.Compliant)]),
        ]);

    [Fact]
    public async Task Dry_Run_Posts_The_File_With_The_Operator_Key_And_Prints_Counts_And_List()
    {
        await using var api = new StubApi().Answer("POST /api/rescreens/dry-run", 200, JsonSerializer.Serialize(Report, ResultJson.Options));
        using var dir = new TempDirectory();
        var schedule = dir.Write("new-schedule.json", CapScheduleLoader.DefaultJson());

        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", schedule, "--dry-run", "--api", api.Base]);

        Assert.True(run.ExitCode == 0, run.Error);
        var (request, key, body) = Assert.Single(api.Received);
        Assert.Equal("POST /api/rescreens/dry-run", request);
        Assert.Equal(ApiCaller.Operator.DevelopmentKey, key);
        Assert.Equal(CapScheduleLoader.DefaultJson(), body);
        Assert.Contains("5 examined in 2 month(s): 2 would change, 3 unchanged, 0 unavailable", run.Out, StringComparison.Ordinal);
        Assert.Contains("EU crude cap 47.60 -> 47.00", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"EU\s+│\s+NeedsReview\s+│\s+Violation\s+│\s+1", run.Out);
        Assert.Matches(@"GB\s+│\s+NeedsReview\s+│\s+Compliant\s+│\s+1", run.Out);
        Assert.Contains("acme/ATT-V1", run.Out, StringComparison.Ordinal);
        Assert.Contains("acme/ATT-C1", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dry_Run_With_Format_Json_Prints_The_Raw_Answer()
    {
        var answer = JsonSerializer.Serialize(Report, ResultJson.Options);
        await using var api = new StubApi().Answer("POST /api/rescreens/dry-run", 200, answer);
        using var dir = new TempDirectory();
        var schedule = dir.Write("s.json", CapScheduleLoader.DefaultJson());

        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", schedule, "--dry-run", "--format", "json", "--api", api.Base, "--key", "k1"]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(answer, run.StandardOutput.TrimEnd());
        Assert.Equal("k1", Assert.Single(api.Received).Key);
    }

    [Fact]
    public async Task A_Refused_Schedule_Shows_The_Problem_And_Each_Reason()
    {
        var problem = new ProblemAnswer(ProblemTypes.InvalidParameter, "Invalid cap schedule", 400,
            "The proposed schedule would be refused: 2 problem(s).", "/api/rescreens/dry-run",
            [new FieldError("body", "periods overlap: EU-CRUDE-A and EU-CRUDE-B"), new FieldError("body", "unknown regime XX")]);
        await using var api = new StubApi().Answer("POST /api/rescreens/dry-run", 400, JsonSerializer.Serialize(problem, ResultJson.Options), "application/problem+json");
        using var dir = new TempDirectory();
        var schedule = dir.Write("bad.json", "{}");

        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", schedule, "--dry-run", "--api", api.Base]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("400 Invalid cap schedule: The proposed schedule would be refused: 2 problem(s).", run.Error, StringComparison.Ordinal);
        Assert.Contains("periods overlap: EU-CRUDE-A and EU-CRUDE-B", run.Error, StringComparison.Ordinal);
        Assert.Contains("unknown regime XX", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Missing_File_Exits_1_Without_Asking_The_Api()
    {
        await using var api = new StubApi();
        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", "no-such-schedule.json", "--dry-run", "--api", api.Base]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("'no-such-schedule.json' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Received);
    }

    [Fact]
    public async Task An_Unreachable_Api_Exits_1_Naming_The_Address()
    {
        using var dir = new TempDirectory();
        var schedule = dir.Write("s.json", CapScheduleLoader.DefaultJson());
        var address = StubApi.Unreachable();

        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", schedule, "--dry-run", "--api", address]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"The API at {address}/ is not reachable", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Dry_Run_It_Explains_How_To_Publish_And_Sends_Nothing()
    {
        await using var api = new StubApi();
        using var dir = new TempDirectory();
        var schedule = dir.Write("s.json", CapScheduleLoader.DefaultJson());

        var run = await InProcessCli.RunAsync(["rescreen", "--schedule", schedule, "--api", api.Base]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("config/cap-schedule.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("docs/rescreening.md", run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Received);
    }

    [Fact]
    public async Task Status_Lists_The_Runs_And_Status_With_An_Id_Shows_Every_Page_Of_Its_Changes()
    {
        var run1 = new RescreenRun("run-1", "2026-12-01.1-corrected", "ab12", ["cd34"], RescreenStatuses.Finished, Started, Started.AddMinutes(2),
            Started.AddMinutes(2), ["EU crude cap"], ["202608"], null, new RescreenProgress(1, 5, 2, 3, 0, 1), Report.Counts, null);
        await using var api = new StubApi()
            .Answer("GET /api/rescreens", 200, JsonSerializer.Serialize(new RescreenRunsAnswer([run1]), ResultJson.Options))
            .Answer("GET /api/rescreens/run-1", 200, JsonSerializer.Serialize(
                new RescreenRunAnswer(run1, new(Report.Attestations.Take(1).ToList(), "next")), ResultJson.Options))
            .Answer("GET /api/rescreens/run-1?continuationToken=next", 200, JsonSerializer.Serialize(
                new RescreenRunAnswer(run1, new(Report.Attestations.Skip(1).ToList(), null)), ResultJson.Options));

        var list = await InProcessCli.RunAsync(["rescreen", "--status", "--api", api.Base]);
        var one = await InProcessCli.RunAsync(["rescreen", "--status", "run-1", "--api", api.Base]);
        var json = await InProcessCli.RunAsync(["rescreen", "--status", "run-1", "--format", "json", "--api", api.Base]);

        Assert.True(list.ExitCode == 0, list.Error);
        Assert.Matches(@"run-1\s+│\s+2026-12-01\.1-corrected\s+│\s+finished", list.Out);
        Assert.True(one.ExitCode == 0, one.Error);
        Assert.Contains("acme/ATT-V1", one.Out, StringComparison.Ordinal);
        Assert.Contains("acme/ATT-C1", one.Out, StringComparison.Ordinal);
        Assert.Equal(2, JsonNode.Parse(json.StandardOutput)!["changes"]!["items"]!.AsArray().Count);
    }
}
