using PriceCapAttest.Domain.Collections;

namespace PriceCapAttest.Domain.Tests.Collections;

public class DigestSetTests
{
    [Fact]
    public void Adds_Once_And_Finds_What_Was_Added()
    {
        var set = new DigestSet();
        var digest = new UInt128(0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210);

        Assert.False(set.Contains(digest));
        Assert.True(set.Add(digest));
        Assert.False(set.Add(digest));
        Assert.True(set.Contains(digest));
        Assert.Equal(1, set.Count);
    }

    [Fact]
    public void The_Zero_Digest_Is_A_Member_Like_Any_Other()
    {
        var set = new DigestSet();

        Assert.False(set.Contains(UInt128.Zero));
        Assert.True(set.Add(UInt128.Zero));
        Assert.False(set.Add(UInt128.Zero));
        Assert.True(set.Contains(UInt128.Zero));
        Assert.True(set.Add(UInt128.One));
        Assert.Equal(2, set.Count);
    }

    [Fact]
    public void Digests_With_The_Same_Home_Slot_Are_Kept_Apart()
    {
        // Same top bits (same table) and same low 64 bits (same home slot): only the probing tells them apart.
        var set = new DigestSet();
        var colliding = Enumerable.Range(1, 50).Select(i => new UInt128((ulong)i, 42)).ToList();

        Assert.All(colliding, digest => Assert.True(set.Add(digest)));
        Assert.All(colliding, digest => Assert.False(set.Add(digest)));
        Assert.All(colliding, digest => Assert.True(set.Contains(digest)));
        Assert.False(set.Contains(new UInt128(51, 42)));
        Assert.Equal(50, set.Count);
    }

    [Fact]
    public void Probing_Wraps_Around_The_End_Of_A_Table()
    {
        // Low 64 bits all ones: the home slot is the last of the table, so the next ones wrap to the start.
        var set = new DigestSet();
        var atTheEnd = Enumerable.Range(1, 20).Select(i => new UInt128((ulong)i, ulong.MaxValue)).ToList();

        Assert.All(atTheEnd, digest => Assert.True(set.Add(digest)));
        Assert.All(atTheEnd, digest => Assert.True(set.Contains(digest)));
        Assert.Equal(20, set.Count);
    }

    [Fact]
    public void Growing_Keeps_Every_Digest_Of_Every_Table()
    {
        var set = new DigestSet();
        var digests = RandomDigests(seed: 7, count: 20_000);

        foreach (var digest in digests) Assert.True(set.Add(digest));

        Assert.Equal(digests.Count, set.Count);
        Assert.All(digests, digest => Assert.True(set.Contains(digest)));
        Assert.All(digests.Take(1_000), digest => Assert.False(set.Add(digest)));
        Assert.All(RandomDigests(seed: 8, count: 1_000), digest => Assert.False(set.Contains(digest)));
    }

    [Fact]
    public void Agrees_With_A_Hash_Set_Over_Repeated_Digests()
    {
        var random = new Random(11);
        var pool = RandomDigests(seed: 12, count: 5_000);
        var set = new DigestSet();
        var expected = new HashSet<UInt128>();

        for (var i = 0; i < 50_000; i++)
        {
            var digest = pool[random.Next(pool.Count)];
            Assert.Equal(expected.Add(digest), set.Add(digest));
        }

        Assert.Equal(expected.Count, set.Count);
    }

    [Fact]
    public void Each_Digest_Takes_At_Most_32_Bytes()
    {
        // Kept small: the streaming tests measure the whole process's managed memory while this one runs.
        const int count = 100_000;
        var set = new DigestSet();
        foreach (var digest in RandomDigests(seed: 3, count)) set.Add(digest);

        Assert.Equal(count, set.Count);
        Assert.InRange(set.SlotCount, count * 4 / 3, count * 2);
    }

    private static List<UInt128> RandomDigests(int seed, int count)
    {
        var random = new Random(seed);
        var bytes = new byte[16];
        var digests = new List<UInt128>(count);
        for (var i = 0; i < count; i++)
        {
            random.NextBytes(bytes);
            digests.Add(System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes));
        }

        return digests;
    }
}
