using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// <c>pricecap schedule</c> says when a cap has aged (docs/cap-rules.md, "A cap schedule ages"), and
/// <c>--audit</c> is the operator's checklist; a refused schedule gives the loader's messages, as the pipeline does.
/// </summary>
public sealed class ScheduleAgingAndAudit
{
    private static readonly DateTimeOffset December2026 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task As_Of_2026_12_01_Every_Regime_Shows_Its_Status_And_The_Aged_Caps_Are_Warned_About()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2026-12-01"], now: December2026);

        Assert.Equal(0, run.ExitCode);
        // Norway follows the EU since 2025-09-05: no longer 60, and its 44.10 is unconfirmed.
        Assert.Matches(@"NO\s*│\s*crude\s*│\s*44\.10\s*│\s*NO-CRUDE-2026-02-01.*unconfirmed", run.Out);
        // The EU's July 2026 review has no known outcome: 44.10 is shown, but not as confirmed.
        Assert.Matches(@"EU\s*│\s*crude\s*│\s*44\.10.*unconfirmed: review of 2026-07-15 passed", run.Out);
        Assert.Matches(@"US\s*│\s*crude\s*│\s*60\.00.*confirmed", run.Out);
        Assert.Contains("Warning EU crude: 44.10 (EU-CRUDE-2026-02-01) is known to hold only until the review of 2026-07-15", run.Out.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("Warning US", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_Gives_A_Status_Per_Cap_And_A_Warning_Per_Aged_Regime_And_Category()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2026-12-01", "--format", "json"], now: December2026);

        using var document = JsonDocument.Parse(run.StandardOutput);
        var caps = document.RootElement.GetProperty("caps").EnumerateArray().ToList();
        string Status(string regime) => caps.Single(c => c.GetProperty("regime").GetString() == regime && c.GetProperty("category").GetString() == "crude")
            .GetProperty("status").GetString()!;
        Assert.Equal("pastReview", Status("EU"));
        Assert.Equal("pastReview", Status("GB"));
        Assert.Equal("unconfirmed", Status("NO"));
        Assert.Equal("confirmed", Status("US"));
        var warned = document.RootElement.GetProperty("warnings").EnumerateArray()
            .Select(w => $"{w.GetProperty("regime").GetString()} {w.GetProperty("category").GetString()} {w.GetProperty("reviewDate").GetString()}")
            .ToList();
        Assert.Contains("EU crude 2026-07-15", warned);
        Assert.Contains("GB crude 2026-07-15", warned);
        Assert.DoesNotContain(warned, w => w.StartsWith("US", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_The_Review_Date_Nothing_Is_Warned_About()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2026-03-10", "--format", "json"], now: new DateTimeOffset(2026, 3, 10, 0, 0, 0, TimeSpan.Zero));

        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(0, document.RootElement.GetProperty("warnings").GetArrayLength());
    }

    [Fact]
    public async Task Audit_Of_The_Embedded_Schedule_Lists_What_Is_Unconfirmed_And_Why()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--audit", "--format", "json"], now: December2026);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var findings = document.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString(), Entry: f.GetProperty("entry").GetString(), Message: f.GetProperty("message").GetString()!))
            .ToList();
        Assert.Contains(findings, f => f is { Kind: "stale", Entry: "EU-CRUDE-2026-02-01" });
        Assert.Contains(findings, f => f.Kind == "unconfirmed" && f.Entry == "NO-CRUDE-2026-02-01" && f.Message.Contains("no Norwegian amendment adopting 44.10", StringComparison.Ordinal));
        Assert.Contains(findings, f => f.Kind == "unconfirmed" && f.Entry == "conversion factor vgo");
        Assert.Contains(findings, f => f is { Kind: "noTransitionRules", Entry: "NO-CRUDE-2025-09-05" });
        Assert.Contains(findings, f => f is { Kind: "unconfirmed", Entry: "GB-SAKHALIN2-2026-06-18" });
        Assert.DoesNotContain(findings, f => f.Entry == "US-CRUDE-2022-12-05");
    }

    [Fact]
    public async Task Audit_Table_Names_Each_Group()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--audit"], now: December2026);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the schedule is valid", run.Out, StringComparison.Ordinal);
        Assert.Contains("Past their scheduled review, with no later period", run.Out, StringComparison.Ordinal);
        Assert.Contains("Changes of cap without transition rules", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Finds_A_Gap_Between_Periods()
    {
        using var dir = new TempDirectory();
        var json = CapScheduleLoader.DefaultJson().Replace(
            "\"to\": \"2025-09-18\"", "\"to\": \"2025-09-10\"", StringComparison.Ordinal); // AU's 60 now ends a week early
        var schedule = dir.Write("gap.json", json);

        var run = await InProcessCli.RunAsync(["schedule", "--audit", "--schedule", schedule, "--format", "json"], now: December2026);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"kind\":\"gap\"", run.StandardOutput.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("2025-09-10 to 2025-09-17", run.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_Of_A_Refused_Schedule_Exits_1_With_The_Loaders_Messages()
    {
        using var dir = new TempDirectory();
        var json = CapScheduleLoader.DefaultJson().Replace("\"knownUntil\": \"2026-07-15\"", "\"knownUntil\": \"2020-01-01\"", StringComparison.Ordinal);
        var path = dir.Write("refused.json", json);
        var problems = Assert.Throws<InvalidCapScheduleException>(() => CapScheduleLoader.Load(json)).Problems;

        var run = await InProcessCli.RunAsync(["schedule", "--audit", "--schedule", path]);

        Assert.Equal(1, run.ExitCode);
        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains(p, run.Error.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.Contains("knownUntil (2020-01-01) must be after from", run.Error, StringComparison.Ordinal);
    }
}
