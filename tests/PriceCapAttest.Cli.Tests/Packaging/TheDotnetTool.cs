using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Packaging;

/// <summary>
/// <c>dotnet pack</c> then <c>dotnet tool install PriceCapAttest.Cli --add-source ...</c> gives a <c>pricecap</c>
/// that prints its version and checks the samples.
/// </summary>
public sealed class TheDotnetTool(PackedTool tool) : IClassFixture<PackedTool>
{
    [Fact]
    public void The_Package_Is_Named_PriceCapAttest_Cli_With_The_Project_Version()
    {
        var name = Path.GetFileName(tool.PackageFile);

        Assert.StartsWith("PriceCapAttest.Cli.", name, StringComparison.Ordinal);
        Assert.StartsWith("PriceCapAttest.Cli." + CliVersion.Current.Split('+')[0], name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_Installed_Command_Prints_Its_Version()
    {
        var run = await tool.RunToolAsync("--version");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(CliVersion.Current, run.Stdout.Trim());
    }

    [Fact]
    public async Task The_Installed_Command_Checks_A_Compliant_Sample_With_Exit_Code_0()
    {
        var run = await tool.RunToolAsync("check", "--format", "json", "samples/json/compliant-fob.json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("Compliant", json.RootElement[0].GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task The_Installed_Command_Checks_Every_Sample_And_Finds_The_Violations()
    {
        var run = await tool.RunToolAsync("check", "--format", "json", "samples/");

        Assert.Equal(2, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var verdicts = json.RootElement.EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ToList();
        Assert.Contains("Violation", verdicts);
        Assert.Contains("Compliant", verdicts);
        Assert.True(verdicts.Count > 40, $"only {verdicts.Count} results");
    }
}
