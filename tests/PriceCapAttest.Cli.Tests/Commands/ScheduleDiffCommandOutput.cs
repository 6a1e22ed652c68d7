using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary><c>pricecap schedule diff OLD NEW</c>: what differs between two schedule files, as a table or JSON.</summary>
public sealed class ScheduleDiffCommandOutput
{
    private static readonly string Default = CapScheduleLoader.DefaultJson();

    private static string NzCap(decimal cap)
    {
        var document = System.Text.Json.Nodes.JsonNode.Parse(Default)!.AsObject();
        document["periods"]!.AsArray().Single(p => (string?)p!["ruleId"] == "NZ-CRUDE-2026-02-01")!["capUsdPerBbl"] = cap;
        return document.ToJsonString();
    }

    [Fact]
    public async Task Identical_Schedules_Exit_0_With_No_Differences()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);
        var updated = dir.Write("new.json", Default.Replace("\"version\": \"2026-12-01.1\"", "\"version\": \"2026-12-01.2\"", StringComparison.Ordinal));

        var run = await InProcessCli.RunAsync(["schedule", "diff", old, updated]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("No differences between cap schedule 2026-12-01.1 and 2026-12-01.2", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Changed_Cap_Is_A_Table_Row_With_Its_Loading_Dates_And_Exits_0()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);
        var updated = dir.Write("new.json", NzCap(47.60m));

        var run = await InProcessCli.RunAsync(["schedule", "diff", old, updated]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("1 change(s)", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"period\s*│\s*NZ\s*│\s*crude\s*│\s*any\s*│\s*from 2026-02-01\s*│\s*NZ crude rule NZ-CRUDE-2026-02-01: cap 44\.10 -> 47\.60", run.Out);
    }

    [Fact]
    public async Task Json_Is_An_Array_Of_Changes_With_Null_For_Any_And_Unbounded()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);
        var updated = dir.Write("new.json", NzCap(47.60m).Replace("\"bblPerTonne\":6.76", "\"bblPerTonne\":7.00", StringComparison.Ordinal));

        var run = await InProcessCli.RunAsync(["schedule", "diff", "--format", "json", old, updated]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var changes = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(2, changes.Count);
        var period = changes[0];
        Assert.Equal("period", period.GetProperty("kind").GetString());
        Assert.Equal("NZ-CRUDE-2026-02-01", period.GetProperty("subject").GetString());
        Assert.Equal("NZ", period.GetProperty("regime").GetString());
        Assert.Equal("crude", period.GetProperty("category").GetString());
        Assert.Equal(JsonValueKind.Null, period.GetProperty("product").ValueKind);
        Assert.Equal("2026-02-01", period.GetProperty("from").GetString());
        Assert.Equal(JsonValueKind.Null, period.GetProperty("to").ValueKind);
        var factor = changes[1];
        Assert.Equal("conversionFactor", factor.GetProperty("kind").GetString());
        Assert.Equal("vgo", factor.GetProperty("product").GetString());
        Assert.Equal(JsonValueKind.Null, factor.GetProperty("regime").ValueKind);
        Assert.Equal(JsonValueKind.Null, factor.GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task Json_Of_Identical_Schedules_Is_An_Empty_Array()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);

        var run = await InProcessCli.RunAsync(["schedule", "diff", "-f", "json", old, old]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("[]", run.StandardOutput.Trim());
    }

    [Fact]
    public async Task A_Refused_Schedule_Exits_1_With_The_Loaders_Messages()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);
        var json = Default.Replace("\"knownUntil\": \"2026-07-15\"", "\"knownUntil\": \"2020-01-01\"", StringComparison.Ordinal);
        var refused = dir.Write("refused.json", json);
        var problems = Assert.Throws<InvalidCapScheduleException>(() => CapScheduleLoader.Load(json)).Problems;

        var run = await InProcessCli.RunAsync(["schedule", "diff", old, refused]);

        Assert.Equal(1, run.ExitCode);
        Assert.All(problems, p => Assert.Contains(p, run.Error.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Empty(run.StandardOutput);
    }

    [Fact]
    public async Task A_Missing_File_Exits_1()
    {
        using var dir = new TempDirectory();
        var old = dir.Write("old.json", Default);

        var run = await InProcessCli.RunAsync(["schedule", "diff", old, Path.Combine(Path.GetDirectoryName(old)!, "missing.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot read the cap schedule", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_Two_Files_It_Is_A_Usage_Error()
    {
        var run = await InProcessCli.RunAsync(["schedule", "diff", "old.json"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("NEW", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Help_Of_Schedule_Names_Diff()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("diff <OLD> <NEW>", run.AllStdout, StringComparison.Ordinal);
        Assert.Contains("--as-of", run.AllStdout, StringComparison.Ordinal);
    }
}
