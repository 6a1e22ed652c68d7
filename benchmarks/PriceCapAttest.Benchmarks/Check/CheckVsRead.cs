using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PriceCapAttest.Benchmarks.Infrastructure;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Benchmarks.Check;

/// <summary>
/// The check against its floor: System.Text.Json (camelCase, the web defaults) deserialising the same UTF-8 bytes
/// straight into <see cref="AttestationDocument"/> (no validation, no evaluation) versus
/// <see cref="AttestationChecker.Check(Stream, DocumentFormat, string)"/> (read, validate, evaluate), for one
/// document and for a batch of 1,000 in one file.
/// </summary>
[MemoryDiagnoser]
public class CheckVsRead
{
    private static readonly JsonSerializerOptions FloorOptions = new(JsonSerializerDefaults.Web);

    private byte[] _content = [];
    private AttestationChecker _checker = null!;

    /// <summary>Attestations in the file: 1 (a single document) or 1,000 (a batch).</summary>
    [Params(1, 1000)]
    public int Documents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _content = Documents == 1
            ? SampleDocuments.JsonBytes(SampleDocuments.AttestationId(1), SampleDocuments.Imo(1))
            : SampleDocuments.BatchBytes(Documents);
        _checker = new AttestationChecker(CapScheduleLoader.LoadDefault(), CheckOptions.Default, TimeProvider.System);

        // Both sides must see the same attestations, or the comparison means nothing.
        if (Deserialize() != Documents || Check() != Documents)
        {
            throw new InvalidOperationException("The benchmark documents do not read back as expected.");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ deserialise (floor)")]
    public int Deserialize()
    {
        if (Documents == 1)
        {
            return JsonSerializer.Deserialize<AttestationDocument>(_content, FloorOptions) is null ? 0 : 1;
        }

        return JsonSerializer.Deserialize<Batch>(_content, FloorOptions)?.Attestations.Count ?? 0;
    }

    [Benchmark(Description = "AttestationChecker.Check")]
    public int Check()
    {
        using var stream = new MemoryStream(_content, writable: false);
        var count = 0;
        foreach (var result in _checker.Check(stream, DocumentFormat.Json, "bench.json"))
        {
            if (result.Verdict != Domain.Results.Verdict.Rejected)
            {
                count++;
            }
        }

        return count;
    }

    public sealed record Batch(List<AttestationDocument> Attestations);
}
