using System.Text.Json;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Output;

/// <summary>
/// Writes exactly one JSON array of results (docs/attestation-format.md, "Check result") in the shared spelling of
/// <see cref="ResultJson.Options"/>, element by element: memory stays flat however many results there are.
/// </summary>
public sealed class JsonResultWriter : IResultWriter, IDisposable
{
    private readonly Stream _stream;
    private readonly Utf8JsonWriter _writer;

    public JsonResultWriter(Stream stream)
    {
        _stream = stream;
        _writer = new Utf8JsonWriter(stream, new JsonWriterOptions
        {
            Indented = ResultJson.Options.WriteIndented,
            Encoder = ResultJson.Options.Encoder,
        });
        _writer.WriteStartArray();
    }

    public void Write(CheckResult result)
    {
        JsonSerializer.Serialize(_writer, result, ResultJson.Options);
        if (_writer.BytesPending > 64 * 1024) _writer.Flush();
    }

    public void Complete(CheckSummary summary)
    {
        _writer.WriteEndArray();
        _writer.Flush();
        _stream.Write("\n"u8);
        _stream.Flush();
    }

    public void Dispose() => _writer.Dispose();
}
