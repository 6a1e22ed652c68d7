using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary><c>pricecap schedule</c>: the caps in force on a loading date, with rule ids, sources and status.</summary>
public sealed class ScheduleCommandOutput
{
    [Theory]
    [InlineData("2026-03-10", 44.10, "EU-CRUDE-2026-02-01")]
    [InlineData("2025-10-01", 47.60, "EU-CRUDE-2025-09-03")]
    [InlineData("2025-09-02", 60.00, "EU-CRUDE-2022-12-05")]
    public async Task Json_Lists_The_EU_Crude_Cap_Of_The_Date(string asOf, decimal cap, string ruleId)
    {
        var run = await CliProcess.RunAsync("schedule", "--as-of", asOf, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        Assert.Equal(asOf, document.RootElement.GetProperty("asOf").GetString());
        Assert.Equal("2026-12-01.1", document.RootElement.GetProperty("scheduleVersion").GetString());
        var euCrude = document.RootElement.GetProperty("caps").EnumerateArray()
            .Single(c => c.GetProperty("regime").GetString() == "EU" && c.GetProperty("category").GetString() == "crude");
        Assert.Equal(cap, euCrude.GetProperty("capUsdPerBbl").GetDecimal());
        Assert.Equal(ruleId, euCrude.GetProperty("ruleId").GetString());
        Assert.True(euCrude.GetProperty("confirmed").GetBoolean());
        Assert.False(string.IsNullOrWhiteSpace(euCrude.GetProperty("source").GetString()));
    }

    [Fact]
    public async Task Table_Lists_Caps_Rules_Status_And_Sources()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2026-03-10"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("2026-03-10", run.Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-01.1", run.Out, StringComparison.Ordinal);
        Assert.Matches(@"EU\s*│\s*crude\s*│\s*44\.10\s*│\s*EU-CRUDE-2026-02-01", run.Out);
        Assert.Matches(@"US\s*│\s*crude\s*│\s*60\.00", run.Out);
        Assert.Matches(@"JP\s*│\s*crude\s*│\s*44\.10.*unconfirmed", run.Out);
        Assert.Contains("Commission Implementing Regulation (EU) 2026/124", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Table_For_2025_10_01_Shows_47_60_For_EU_Crude()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2025-10-01"]);

        Assert.Matches(@"EU\s*│\s*crude\s*│\s*47\.60\s*│\s*EU-CRUDE-2025-09-03", run.Out);
    }

    [Fact]
    public async Task Default_Date_Is_Today_From_The_Clock()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--format", "json"], now: new DateTimeOffset(2025, 10, 1, 23, 30, 0, TimeSpan.Zero));

        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal("2025-10-01", document.RootElement.GetProperty("asOf").GetString());
    }

    [Fact]
    public async Task Before_Any_Cap_Categories_Have_No_Cap_In_Force()
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", "2022-11-01", "--format", "json"]);

        using var document = JsonDocument.Parse(run.StandardOutput);
        Assert.All(document.RootElement.GetProperty("caps").EnumerateArray(),
            c => Assert.Equal(JsonValueKind.Null, c.GetProperty("capUsdPerBbl").ValueKind));
    }

    [Theory]
    [InlineData("10/03/2026")]
    [InlineData("2026-02-30")]
    public async Task A_Bad_Date_Is_A_Usage_Error(string asOf)
    {
        var run = await InProcessCli.RunAsync(["schedule", "--as-of", asOf]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(asOf, run.Error, StringComparison.Ordinal);
    }
}
