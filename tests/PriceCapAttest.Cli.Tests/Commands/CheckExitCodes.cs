using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>Exit codes: 0 nothing to look at, 2 Violation/NeedsReview/Rejected, 1 usage or I/O errors.</summary>
public sealed class CheckExitCodes
{
    [Fact]
    public async Task Compliant_Only_Is_0()
    {
        var run = await CliProcess.RunAsync("check", "samples/json/compliant-fob.json");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Compliant", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exempt_Only_Is_0()
    {
        var run = await InProcessCli.RunAsync(["check", RepoPaths.Sample("json/exempt-lng.json"), RepoPaths.Sample("json/exempt-no-coalition-nexus.json")]);

        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("json/violation-eu.json")]
    [InlineData("json/needs-review-missing-costs.json")]
    [InlineData("json/rejected-bad-imo.json")]
    [InlineData("json/rejected-not-json.json")]
    public async Task Violation_NeedsReview_Or_Rejected_Is_2(string sample)
    {
        var run = await InProcessCli.RunAsync(["check", RepoPaths.Sample(sample)]);

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Process_Violation_Is_2()
    {
        var run = await CliProcess.RunAsync("check", "samples/json/violation-eu.json");

        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Missing_Path_Is_1_With_The_Path_On_Stderr_And_Nothing_On_Stdout()
    {
        var run = await CliProcess.RunAsync("check", "--format", "json", "samples/json/compliant-fob.json", "samples/no-such-file.json");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("samples/no-such-file.json", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task An_Unreadable_File_Is_Named_On_Stderr_The_Others_Are_Checked_And_The_Exit_Code_Is_1()
    {
        using var dir = new TempDirectory();
        dir.Copy(RepoPaths.Sample("json/compliant-fob.json"), "a.json");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.json"), Path.Combine(dir.Path, "gone.json"));

        var run = await InProcessCli.RunAsync(["check", "--format", "json", dir.Path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{dir.Path}/b.json", run.Error, StringComparison.Ordinal);
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal($"{dir.Path}/a.json", Assert.Single(document.RootElement.EnumerateArray().ToList()).GetProperty("source").GetString());
    }

    [Fact]
    public async Task No_Path_Is_A_Usage_Error_1()
    {
        var run = await CliProcess.RunAsync("check");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("PATH", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_Format_Is_A_Usage_Error_1()
    {
        var run = await InProcessCli.RunAsync(["check", "--format", "xml", RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEqual("", run.Error);
    }

    [Fact]
    public async Task Unknown_Command_Is_1()
    {
        var run = await InProcessCli.RunAsync(["verify"]);

        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public async Task A_Refused_Schedule_Is_1_With_Every_Problem_Listed()
    {
        using var dir = new TempDirectory();
        var schedule = dir.Write("bad-schedule.json", """
            { "version": "", "regimes": [ { "code": "XX", "countries": [ { "codes": ["XX"], "source": "none" } ] } ], "periods": [] }
            """);

        var run = await InProcessCli.RunAsync(["check", "--schedule", schedule, RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("bad-schedule.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("version is required", run.Error, StringComparison.Ordinal);
        Assert.Contains("'XX' is not a known regime", run.Error, StringComparison.Ordinal);
        Assert.Contains("at least one cap period is required", run.Error, StringComparison.Ordinal);
        Assert.Equal("", run.StandardOutput);
    }

    [Fact]
    public async Task A_Missing_Schedule_File_Is_1()
    {
        var run = await InProcessCli.RunAsync(["check", "--schedule", "/no/such/schedule.json", RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("/no/such/schedule.json", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Schedule_File_Replaces_The_Default()
    {
        using var dir = new TempDirectory();
        var json = Domain.Schedule.CapScheduleLoader.DefaultJson()
            .Replace("\"version\": \"2026-12-01.1\"", "\"version\": \"test-edition\"", StringComparison.Ordinal);
        var schedule = dir.Write("schedule.json", json);

        var run = await InProcessCli.RunAsync(["check", "--format", "json", "--schedule", schedule, RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("test-edition", document.RootElement[0].GetProperty("scheduleVersion").GetString());
    }

    [Fact]
    public async Task A_File_Given_With_Another_Extension_Is_A_Rejected_Result()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("attestation.xml", "<attestation/>");

        var run = await InProcessCli.RunAsync(["check", "--format", "json", file]);

        Assert.Equal(2, run.ExitCode);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var result = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal(file, result.GetProperty("source").GetString());
        Assert.Equal("Rejected", result.GetProperty("verdict").GetString());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("attestationId").ValueKind);
        Assert.Equal("UnsupportedFileType", result.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Equal("$", result.GetProperty("errors")[0].GetProperty("field").GetString());
    }
}
