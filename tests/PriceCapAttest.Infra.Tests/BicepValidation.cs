namespace PriceCapAttest.Infra.Tests;

/// <summary>The templates build and lint without a single diagnostic (warnings count as failures).</summary>
public class BicepValidation
{
    [Fact]
    public void Main_template_builds_without_diagnostics()
    {
        var template = CompiledTemplate.Instance;

        Assert.Equal(0, template.BuildExitCode);
        Assert.Empty(BicepCli.Diagnostics(template.BuildOutput));
    }

    public static TheoryData<string> Templates()
    {
        var data = new TheoryData<string>();
        data.Add("main.bicep");
        foreach (var module in Directory.EnumerateFiles(Path.Combine(BicepCli.InfraFolder, "modules"), "*.bicep").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(BicepCli.InfraFolder, module));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_lints_clean(string template)
    {
        var (exitCode, output) = BicepCli.Run("lint", Path.Combine(BicepCli.InfraFolder, template));

        Assert.True(exitCode == 0, output);
        Assert.Empty(BicepCli.Diagnostics(output));
    }
}
