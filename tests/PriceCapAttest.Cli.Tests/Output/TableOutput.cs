using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Output;

/// <summary>The table format: a row per attestation, per-regime price and cap, reasons, and a summary line.</summary>
public sealed class TableOutput
{
    [Fact]
    public async Task Shows_Each_Regime_With_Price_Cap_And_Rule_And_A_Summary()
    {
        var run = await InProcessCli.RunAsync(["check", RepoPaths.Sample("json/violation-eu.json"), RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("ATT-2026-0043", run.Out, StringComparison.Ordinal);
        Assert.Contains("EU Violation 46.00 / 44.10 EU-CRUDE-2026-02-01", run.Out, StringComparison.Ordinal);
        Assert.Contains("US Compliant 46.00 / 60.00 US-CRUDE-2022-12-05", run.Out, StringComparison.Ordinal);
        Assert.Contains("PriceAboveCap", run.Out, StringComparison.Ordinal);
        Assert.Contains("flag StsTransfer", run.Out, StringComparison.Ordinal);
        Assert.Contains("2 results from 2 files: 1 Violation, 1 Compliant", run.Out, StringComparison.Ordinal);
        Assert.Contains("2026-12-01.1", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.StandardOutput);
    }

    [Fact]
    public async Task Shows_The_Errors_Of_A_Rejected_Document()
    {
        var run = await InProcessCli.RunAsync(["check", RepoPaths.Sample("json/rejected-bad-imo.json")]);

        Assert.Contains("Rejected", run.Out, StringComparison.Ordinal);
        Assert.Contains("vessel.imo", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_In_Documents_Is_Shown_Literally()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("[red]odd[/].json", "not json");

        var run = await InProcessCli.RunAsync(["check", file]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("[red]odd[/].json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Progress_Is_Drawn_On_Stderr_When_It_Is_A_Terminal_And_Files_Are_Many()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 5; i++) dir.Copy(RepoPaths.Sample("json/compliant-fob.json"), $"f{i}.json");

        var run = await InProcessCli.RunAsync(["check", dir.Path], errorIsTerminal: true, progressThreshold: 3);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Checking 5 files", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Checking", run.Out, StringComparison.Ordinal);
        Assert.Contains("5 results from 5 files: 5 Compliant", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_Progress_When_Stderr_Is_Not_A_Terminal()
    {
        using var dir = new TempDirectory();
        for (var i = 0; i < 5; i++) dir.Copy(RepoPaths.Sample("json/compliant-fob.json"), $"f{i}.json");

        var run = await InProcessCli.RunAsync(["check", dir.Path], errorIsTerminal: false, progressThreshold: 3);

        Assert.Equal("", run.Error);
    }
}
