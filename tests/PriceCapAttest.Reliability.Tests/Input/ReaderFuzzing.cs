using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Reliability.Tests.Corpus;
using Xunit.Abstractions;

namespace PriceCapAttest.Reliability.Tests.Input;

/// <summary>
/// Property-based fuzzing of both readers through the checker (CsCheck): random bytes and random mutations of
/// valid JSON and CSV documents (byte flips, truncations, deletions, duplications, insertions of quotes, commas,
/// newlines, braces and brackets). No exception escapes; every Rejected result carries errors with field, code and
/// message; every result that is not Rejected was evaluated (regimes, no errors).
/// </summary>
public sealed class ReaderFuzzing(ITestOutputHelper output)
{
    /// <summary>Cases per generator: 4 generators x 10,000 = 40,000 per reader.</summary>
    private const int Iterations = 10_000;

    private static readonly byte[][] Inserts = [.. new[] { "\"", ",", "\n", "\r\n", "{", "}", "[", "]", ":", "\\", ";", "\t", "\"\"", "\0", "\u00e9", "1e400", "NaN", "-", "=" }
        .Select(s => Encoding.UTF8.GetBytes(s))];

    private static readonly AttestationChecker Checker =
        new(CapScheduleLoader.LoadDefault(), CheckOptions.Default, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    private static readonly byte[] ValidJson = Encoding.UTF8.GetBytes(BadDocumentCorpus.ValidJson());
    private static readonly byte[] ValidBatch = Encoding.UTF8.GetBytes(
        "{ \"attestations\": [" + BadDocumentCorpus.ValidJson("ATT-F-1") + "," + BadDocumentCorpus.ValidJson("ATT-F-2") + "] }");
    private static readonly byte[] ValidCsv = Encoding.UTF8.GetBytes(
        BadDocumentCorpus.ValidCsv("ATT-F-1") + BadDocumentCorpus.ValidCsv("ATT-F-2").Split('\n')[1] + "\n");

    /// <summary>One edit: kind, position (scaled to the content), length, what to insert.</summary>
    private static readonly Gen<(int Kind, double At, int Length, int Insert, byte Value)> Edit =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 24], Gen.Int[0, Inserts.Length - 1], Gen.Byte);

    private static Gen<byte[]> Mutations(byte[] valid) => Edit.Array[1, 5].Select(edits => Apply(valid, edits));

    private static byte[] Apply(byte[] valid, (int Kind, double At, int Length, int Insert, byte Value)[] edits)
    {
        var bytes = new List<byte>(valid);
        foreach (var (kind, at, length, insert, value) in edits)
        {
            var position = Math.Min(bytes.Count, (int)(at * bytes.Count));
            var count = Math.Min(length, bytes.Count - position);
            switch (kind)
            {
                case 0 when position < bytes.Count: // flip a byte
                    bytes[position] = value;
                    break;
                case 1: // truncate
                    bytes.RemoveRange(position, bytes.Count - position);
                    break;
                case 2: // insert a structural character
                    bytes.InsertRange(position, Inserts[insert]);
                    break;
                case 3: // delete a range
                    bytes.RemoveRange(position, count);
                    break;
                default: // duplicate a range
                    bytes.InsertRange(position, bytes.GetRange(position, count));
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Checks one content; returns a description of what is wrong, or null.</summary>
    private static string? Problem(byte[] content, DocumentFormat format)
    {
        List<CheckResult> results;
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            results = [.. Checker.Check(stream, format, "fuzz")];
        }
#pragma warning disable CA1031 // Any escaping exception is the finding.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        if (results.Count == 0)
            return "no result";
        foreach (var result in results)
        {
            if (result.Verdict == Verdict.Rejected)
            {
                if (result.Errors.Count == 0)
                    return "Rejected without errors";
                if (result.Errors.Any(e => string.IsNullOrWhiteSpace(e.Field) || string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.Message)))
                    return "an error with a blank field, code or message";
            }
            else if (result.Errors.Count > 0 || result.Regimes.Count == 0)
            {
                return $"{result.Verdict} with {result.Errors.Count} error(s) and {result.Regimes.Count} regime(s)";
            }
        }

        return null;
    }

    private void Fuzz(string name, Gen<byte[]> documents, DocumentFormat format, int? iterations = null)
    {
        var cases = 0;
        var evaluated = 0;
        documents.Sample(content =>
        {
            Interlocked.Increment(ref cases);
            var problem = Problem(content, format);
            if (problem is null && Checker.Check(new MemoryStream(content), format, "fuzz").Any(r => r.Verdict != Verdict.Rejected))
                Interlocked.Increment(ref evaluated);
            return problem is null;
        }, iter: iterations ?? Iterations, print: bytes => Convert.ToBase64String(bytes) + " " + Problem(bytes, format));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: {cases} cases, {evaluated} still evaluated"));
        Assert.True(cases >= (iterations ?? Iterations));
    }

    [Fact]
    public void Json_Random_Bytes() => Fuzz("JSON random bytes", Gen.Byte.Array[0, 2048], DocumentFormat.Json);

    [Fact]
    public void Json_Random_Text() =>
        Fuzz("JSON random structural text", Gen.Int[0, Inserts.Length - 1].Array[0, 400].Select(i => i.SelectMany(k => Inserts[k]).ToArray()), DocumentFormat.Json);

    [Fact]
    public void Json_Mutated_Attestation() => Fuzz("JSON mutated attestation", Mutations(ValidJson), DocumentFormat.Json);

    [Fact]
    public void Json_Mutated_Batch() => Fuzz("JSON mutated batch", Mutations(ValidBatch), DocumentFormat.Json);

    [Fact]
    public void Csv_Random_Bytes() => Fuzz("CSV random bytes", Gen.Byte.Array[0, 2048], DocumentFormat.Csv);

    [Fact]
    public void Csv_Random_Text() =>
        Fuzz("CSV random structural text", Gen.Int[0, Inserts.Length - 1].Array[0, 400].Select(i => i.SelectMany(k => Inserts[k]).ToArray()), DocumentFormat.Csv);

    [Fact]
    public void Csv_Mutated_Rows() => Fuzz("CSV mutated rows", Mutations(ValidCsv), DocumentFormat.Csv);

    [Fact]
    public void Csv_Mutated_Header_And_Rows() => Fuzz("CSV mutated (more edits)", Edit.Array[3, 12].Select(e => Apply(ValidCsv, e)), DocumentFormat.Csv);
}
