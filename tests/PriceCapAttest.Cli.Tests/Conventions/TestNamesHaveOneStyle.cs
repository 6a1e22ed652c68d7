using System.Text.RegularExpressions;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Conventions;

/// <summary>
/// Every test method of the repository (tests/ and benchmarks/) is named as a sentence with underscores between the
/// words (<c>A_Refused_Schedule_Shows_The_Problem</c>), so test reports read alike across projects.
/// </summary>
public sealed partial class TestNamesHaveOneStyle
{
    [Fact]
    public void Every_Test_Method_Is_A_Sentence_With_Underscores()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles())
        {
            var text = File.ReadAllText(file);
            foreach (Match match in TestMethod().Matches(text))
            {
                var name = match.Groups["name"].Value;
                if (!Sentence().IsMatch(name))
                {
                    offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {name}");
                }
            }
        }

        Assert.True(offenders.Count == 0, "Test methods not named Words_With_Underscores:\n" + string.Join('\n', offenders));
    }

    [Fact]
    public void The_Check_Finds_Test_Methods_At_All()
    {
        var count = SourceFiles().Sum(file => TestMethod().Matches(File.ReadAllText(file)).Count);

        Assert.True(count > 500, $"only {count} test methods found: the pattern no longer matches the test sources");
    }

    private static IEnumerable<string> SourceFiles() =>
        new[] { "tests", "benchmarks" }
            .Select(folder => Path.Combine(RepoPaths.Root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"\[(?:Fact|Theory)\b[^\n]*\n(?:\s*\[[^\n]*\n)*\s*public\s+(?:async\s+)?(?:Task|void|ValueTask)\s+(?<name>\w+)\s*\(")]
    private static partial Regex TestMethod();

    [GeneratedRegex(@"^[A-Z0-9][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")]
    private static partial Regex Sentence();
}
