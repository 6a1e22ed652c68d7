using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PriceCapAttest.Domain.Collections;

/// <summary>
/// The digests of the ids of one file: the first 128 bits of the SHA-256 of an id's UTF-16 text (distinct ids never
/// meet in practice). One incremental hash serves the whole file: a one-shot hash sets up and tears down a native
/// context per call. <see cref="SeenIds"/> hashes nothing for a file of one attestation, so this is only set up
/// for files of two or more.
/// </summary>
internal sealed class IdDigests : IDisposable
{
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public UInt128 Of(string id)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        _sha256.AppendData(MemoryMarshal.AsBytes(id.AsSpan()));
        _sha256.GetHashAndReset(digest);
        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    public void Dispose() => _sha256.Dispose();
}
