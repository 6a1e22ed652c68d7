using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Samples;

/// <summary>samples/expected.jsonc (plain JSON; the extension keeps it out of <c>pricecap check samples/</c>): per sample file (path relative to samples/) the expected result of each attestation.</summary>
public sealed record SampleManifest(IReadOnlyList<SampleFile> Files)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static SampleManifest Load() =>
        JsonSerializer.Deserialize<SampleManifest>(File.ReadAllText(Path.Combine(RepoPaths.Samples, "expected.jsonc")), Options)
        ?? throw new InvalidOperationException("samples/expected.jsonc is empty");
}

/// <summary>A sample file and its expected results; <see cref="Schedule"/> (relative to samples/) replaces the embedded schedule.</summary>
public sealed record SampleFile(string Path, string? Shows, IReadOnlyList<ExpectedResult> Results, string? Schedule = null)
{
    public string Key => Schedule is null ? Path : $"{Path} with {Schedule}";
}

/// <summary>Errors are listed as "field code" pairs, e.g. "vessel.imo InvalidCheckDigit".</summary>
public sealed record ExpectedResult(
    int Index,
    string? AttestationId,
    string Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Flags,
    IReadOnlyList<string>? Errors);
