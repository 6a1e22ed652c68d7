namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// A read-only view of a stream that ends (reads 0) once more than <c>maxBytes</c> would have been read and then
/// reports <see cref="Exceeded"/>, so a streaming reader can stop with FileTooLarge instead of an exception.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, long maxBytes) : Stream
{
    private long _read;

    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Exceeded)
            return 0;
        var read = inner.Read(buffer);
        _read += read;
        if (_read <= maxBytes)
            return read;
        Exceeded = true;
        return 0;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
