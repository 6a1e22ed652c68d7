using System.Text.Json;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Tests.Output;

/// <summary>The JSON writer streams: output leaves as results arrive, never held until the end.</summary>
public sealed class JsonResultWriterStreaming
{
    private static CheckResult Result(int index) => new()
    {
        Source = "big.csv",
        Index = index,
        AttestationId = $"ATT-{index}",
        Verdict = Verdict.Compliant,
        Reasons = ["PriceAtOrBelowCap"],
        Regimes = [new RegimeResult("EU", Verdict.Compliant, 44.10m, 42.00m, "EU-CRUDE-2026-02-01", ["PriceAtOrBelowCap"])],
        ScheduleVersion = "v",
    };

    [Fact]
    public void Bytes_Reach_The_Stream_Before_The_Array_Is_Complete()
    {
        using var stream = new MemoryStream();
        using var writer = new JsonResultWriter(stream);
        var lengths = new List<long>();

        for (var i = 0; i < 5_000; i++)
        {
            writer.Write(Result(i));
            if (i % 1_000 == 999) lengths.Add(stream.Length);
        }

        Assert.True(lengths[0] > 0, "nothing was written after 1,000 results");
        Assert.True(lengths.Zip(lengths.Skip(1)).All(p => p.Second > p.First), "output did not grow as results arrived");
        writer.Complete(new CheckSummary());

        stream.Position = 0;
        using var document = JsonDocument.Parse(stream);
        Assert.Equal(5_000, document.RootElement.GetArrayLength());
        Assert.Equal("ATT-4999", document.RootElement[4_999].GetProperty("attestationId").GetString());
    }

    [Fact]
    public void Uses_The_Shared_Result_Spelling()
    {
        using var stream = new MemoryStream();
        using (var writer = new JsonResultWriter(stream))
        {
            writer.Write(Result(0));
            writer.Complete(new CheckSummary());
        }

        var element = JsonDocument.Parse(stream.ToArray()).RootElement[0];
        var expected = JsonSerializer.SerializeToElement(Result(0), ResultJson.Options);
        Assert.Equal(expected.GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal),
            element.GetRawText().Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal).Replace("\r", "", StringComparison.Ordinal));
    }
}
