using System.Text;
using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Domain.Tests.Reading;

[Collection(MemoryMeasurements.Name)]
public class CsvReaderStreaming
{
    [Fact]
    public void Reads_A_Million_Rows_In_Bounded_Memory()
    {
        const int rows = 1_000_000;
        var csv = TestDocuments.ToCsv(TestDocuments.Crude()).Split("\r\n");
        using var stream = new RepeatingStream(Encoding.UTF8.GetBytes(csv[0] + "\r\n"), Encoding.UTF8.GetBytes(csv[1] + "\r\n"), rows);
        var limits = ReaderLimits.Default with { MaxBytes = long.MaxValue, MaxAttestationsPerFile = int.MaxValue };
        var before = GC.GetTotalMemory(forceFullCollection: true);
        long peak = 0;

        var count = 0;
        foreach (var parsed in AttestationCsvReader.Read(stream, limits))
        {
            Assert.Empty(parsed.ReadErrors);
            if (++count % 100_000 == 0)
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
        }

        Assert.Equal(rows, count);
        Assert.True(peak < 16 * 1024 * 1024, $"managed memory grew by {peak} bytes");
    }

    /// <summary>A header followed by the same row n times, generated as it is read (never held whole).</summary>
    private sealed class RepeatingStream(byte[] header, byte[] row, int count) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var written = 0;
            var total = header.Length + (long)row.Length * count;
            while (written < buffer.Length && _position < total)
            {
                var (source, at) = _position < header.Length
                    ? (header, (int)_position)
                    : (row, (int)((_position - header.Length) % row.Length));
                var n = Math.Min(buffer.Length - written, source.Length - at);
                source.AsSpan(at, n).CopyTo(buffer[written..]);
                written += n;
                _position += n;
            }
            return written;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
