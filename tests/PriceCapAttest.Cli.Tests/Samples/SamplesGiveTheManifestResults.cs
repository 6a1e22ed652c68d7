using System.Reflection;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Tests.Samples;

/// <summary>
/// The samples README walks through: each file gives the results samples/expected.jsonc lists; together they
/// show every verdict and every reason code; each CSV sample gives the same results as its JSON twin.
/// </summary>
public sealed class SamplesGiveTheManifestResults
{
    private static readonly SampleManifest Manifest = SampleManifest.Load();

    public static TheoryData<string> SampleFiles => [.. Manifest.Files.Select(f => f.Key)];

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Results_Match_The_Manifest(string key)
    {
        var file = Manifest.Files.Single(f => f.Key == key);
        var expected = file.Results;
        var path = file.Path;

        var actual = Checker.CheckFile(RepoPaths.Sample(path), $"samples/{path}", file.Schedule is null ? null : RepoPaths.Sample(file.Schedule));

        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            var where = $"{path} #{e.Index}";
            Assert.Equal(e.Index, a.Index);
            Assert.True(e.AttestationId == a.AttestationId, $"{where}: attestationId {a.AttestationId}");
            Assert.True(e.Verdict == a.Verdict.ToString(), $"{where}: verdict {a.Verdict}, reasons {string.Join(",", a.Reasons)}, errors {string.Join("; ", a.Errors)}");
            Assert.True(e.Reasons.SequenceEqual(a.Reasons), $"{where}: reasons {string.Join(",", a.Reasons)}");
            Assert.True(e.Flags.Order(StringComparer.Ordinal).SequenceEqual(a.Flags.Order(StringComparer.Ordinal)), $"{where}: flags {string.Join(",", a.Flags)}");
            if (e.Errors is not null)
            {
                var errors = a.Errors.Select(x => $"{x.Field} {x.Code}").Order(StringComparer.Ordinal).ToList();
                Assert.True(e.Errors.Order(StringComparer.Ordinal).SequenceEqual(errors), $"{where}: errors {string.Join("; ", errors)}");
            }
        }
    }

    [Fact]
    public void Every_Sample_File_Is_In_The_Manifest_And_Every_Entry_Exists()
    {
        var onDisk = Directory.GetFiles(RepoPaths.Samples, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Samples, f).Replace('\\', '/'))
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".csv", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

        Assert.Equal(onDisk, Manifest.Files.Where(f => f.Schedule is null).Select(f => f.Path).Order(StringComparer.Ordinal));
        Assert.All(Manifest.Files.Where(f => f.Schedule is not null), f => Assert.True(File.Exists(RepoPaths.Sample(f.Schedule!)), f.Schedule));
    }

    [Fact]
    public void Every_Verdict_Occurs_In_Json_And_In_Csv()
    {
        foreach (var extension in new[] { ".json", ".csv" })
        {
            var verdicts = Manifest.Files.Where(f => f.Path.EndsWith(extension, StringComparison.Ordinal))
                .SelectMany(f => f.Results).Select(r => r.Verdict).ToHashSet();
            Assert.All(Enum.GetNames<Verdict>(), v => Assert.True(verdicts.Contains(v), $"no {extension} sample is {v}"));
        }
    }

    [Fact]
    public void Every_Reason_Code_Occurs()
    {
        var codes = typeof(ReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Manifest.Files)
        {
            var schedule = file.Schedule is null ? null : RepoPaths.Sample(file.Schedule);
            foreach (var result in Checker.CheckFile(RepoPaths.Sample(file.Path), file.Path, schedule))
            {
                shown.UnionWith(result.Reasons);
                foreach (var regime in result.Regimes) shown.UnionWith(regime.Reasons);
            }
        }

        Assert.Equal(17, codes.Count);
        Assert.All(codes, c => Assert.True(shown.Contains(c), $"no sample shows {c}"));
    }

    public static TheoryData<string> CsvWithJsonTwin =>
        [.. Manifest.Files
            .Where(f => f.Schedule is null)
            .Select(f => f.Path)
            .Where(p => p.StartsWith("csv/", StringComparison.Ordinal)
                && File.Exists(RepoPaths.Sample(TwinOf(p))))];

    [Theory]
    [MemberData(nameof(CsvWithJsonTwin))]
    public void Csv_Gives_The_Same_Results_As_Its_Json_Twin(string csvPath)
    {
        var csv = Checker.CheckFile(RepoPaths.Sample(csvPath), "twin");
        var json = Checker.CheckFile(RepoPaths.Sample(TwinOf(csvPath)), "twin");

        Assert.Equal(json.Count, csv.Count);
        foreach (var (j, c) in json.Zip(csv))
        {
            Assert.Equal(j.AttestationId, c.AttestationId);
            Assert.Equal(j.Verdict, c.Verdict);
            Assert.Equal(j.Reasons, c.Reasons);
            Assert.Equal(j.Regimes, c.Regimes, RegimeEquals);
            Assert.Equal(j.Flags, c.Flags);
            Assert.Equal(j.Errors.Select(e => (e.Field, e.Code)), c.Errors.Select(e => (e.Field, e.Code)));
        }
    }

    [Fact]
    public void Most_Json_Samples_Have_A_Csv_Twin() => Assert.True(CsvWithJsonTwin.Count >= 10);

    private static string TwinOf(string csvPath) => "json/" + Path.GetFileNameWithoutExtension(csvPath) + ".json";

    private static bool RegimeEquals(RegimeResult a, RegimeResult b) =>
        a.Regime == b.Regime && a.Verdict == b.Verdict && a.CapUsdPerBbl == b.CapUsdPerBbl
        && a.PriceUsdPerBbl == b.PriceUsdPerBbl && a.RuleId == b.RuleId && a.Reasons.SequenceEqual(b.Reasons);
}
