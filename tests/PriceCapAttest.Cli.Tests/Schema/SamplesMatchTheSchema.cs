using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Cli.Tests.Samples;

namespace PriceCapAttest.Cli.Tests.Schema;

/// <summary>Every JSON sample validates against the schema, except the deliberately Rejected ones.</summary>
public sealed class SamplesMatchTheSchema
{
    public static TheoryData<string> AcceptedJsonSamples =>
        [.. SampleManifest.Load().Files
            .Where(f => f.Path.EndsWith(".json", StringComparison.Ordinal) && f.Results.All(r => r.Verdict != "Rejected"))
            .Select(f => f.Path).Distinct(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(AcceptedJsonSamples))]
    public void Each_Sample_Validates_Against_The_Schema(string path)
    {
        var (isValid, errors) = AttestationSchema.Evaluate(File.ReadAllText(RepoPaths.Sample(path)));

        Assert.True(isValid, errors);
    }

    [Fact]
    public void The_Schema_Refuses_The_Samples_With_Shape_Faults()
    {
        Assert.False(AttestationSchema.Evaluate(File.ReadAllText(RepoPaths.Sample("json/rejected-five-faults.json"))).IsValid);
        Assert.False(AttestationSchema.Evaluate(File.ReadAllText(RepoPaths.Sample("json/batch-mixed.json"))).IsValid);
    }

    [Fact]
    public void There_Are_Samples_To_Validate() => Assert.True(AcceptedJsonSamples.Count >= 10);
}
