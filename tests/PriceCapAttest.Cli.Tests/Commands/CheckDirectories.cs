using System.Text.Json;
using PriceCapAttest.Cli.Input;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>Directories are searched recursively, in a sorted, deterministic order; other extensions are skipped.</summary>
public sealed class CheckDirectories
{
    [Fact]
    public async Task Recurses_Sorted_And_Skips_Other_Extensions()
    {
        using var dir = new TempDirectory();
        dir.Copy(RepoPaths.Sample("json/violation-eu.json"), "b/deeper/z.json");
        dir.Copy(RepoPaths.Sample("json/compliant-fob.json"), "b/a.json");
        dir.Copy(RepoPaths.Sample("json/exempt-lng.json"), "a.JSON");
        dir.Write("b/readme.txt", "skipped");
        dir.Write("c/notes.md", "skipped");

        var run = await InProcessCli.RunAsync(["check", "--format", "json", dir.Path + "/"]);

        using var document = JsonDocument.Parse(run.StandardOutput);
        var sources = document.RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetString()).ToList();
        Assert.Equal([$"{dir.Path}/a.JSON", $"{dir.Path}/b/a.json", $"{dir.Path}/b/deeper/z.json"], sources);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public async Task Sources_Are_Relative_When_The_Directory_Is_Given_Relative()
    {
        var run = await CliProcess.RunAsync("check", "--format", "json", "samples");

        Assert.Equal(2, run.ExitCode);
        using var document = JsonDocument.Parse(run.Stdout);
        var sources = document.RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetString()!).Distinct().ToList();
        Assert.Contains("samples/json/violation-eu.json", sources);
        Assert.All(sources, s => Assert.StartsWith("samples/", s, StringComparison.Ordinal));
        Assert.DoesNotContain(sources, s => s.Contains("expected", StringComparison.Ordinal));
        Assert.Equal(sources.Order(StringComparer.Ordinal), sources);
    }

    [Fact]
    public void Expander_Keeps_The_Argument_Order_And_Sorts_Inside_Directories()
    {
        using var dir = new TempDirectory();
        dir.Write("x/2.csv", "");
        dir.Write("x/10.csv", "");
        var single = dir.Write("single.json", "{}");

        var files = PathExpander.Expand([single, Path.Combine(dir.Path, "x")]);

        Assert.Equal([single, $"{dir.Path}/x/10.csv", $"{dir.Path}/x/2.csv"], files.Select(f => f.Source));
    }

    [Fact]
    public void Expander_Refuses_A_Missing_Path_By_Name()
    {
        var e = Assert.Throws<Cli.Infrastructure.UsageException>(() => PathExpander.Expand(["does/not/exist"]));

        Assert.Contains("does/not/exist", e.Message, StringComparison.Ordinal);
    }
}
