using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PriceCapAttest.Domain.Collections;

/// <summary>
/// The digests of the ids of one file: the first 128 bits of the SHA-256 of an id's UTF-16 text (distinct ids never
/// meet in practice). A one-shot hash sets up and tears down a native context per call, so from the second id on
/// one incremental hash serves the whole file; a file of one attestation pays for no more than the one-shot.
/// </summary>
internal sealed class IdDigests : IDisposable
{
    private bool _first = true;
    private IncrementalHash? _sha256;

    public UInt128 Of(string id)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        var text = MemoryMarshal.AsBytes(id.AsSpan());
        if (_first)
        {
            _first = false;
            SHA256.HashData(text, digest);
        }
        else
        {
            _sha256 ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            _sha256.AppendData(text);
            _sha256.GetHashAndReset(digest);
        }

        return BinaryPrimitives.ReadUInt128LittleEndian(digest);
    }

    public void Dispose() => _sha256?.Dispose();
}
