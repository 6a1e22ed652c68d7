using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using PriceCapAttest.Domain.Collections;

namespace PriceCapAttest.Domain.Tests.Collections;

public class IdDigestsTests
{
    [Fact]
    public void Every_Id_Of_A_File_Gets_The_Sha256_Prefix_Of_Its_Text()
    {
        string[] ids = ["ATT-2026-0042", "ATT-2026-0043", "", "ATT-2026-0042", "é-ü"];
        using var digests = new IdDigests();

        foreach (var id in ids)
        {
            var expected = BinaryPrimitives.ReadUInt128LittleEndian(SHA256.HashData(MemoryMarshal.AsBytes(id.AsSpan())));
            Assert.Equal(expected, digests.Of(id));
        }
    }
}
