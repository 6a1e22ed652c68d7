namespace PriceCapAttest.Domain.Collections;

/// <summary>
/// A set of 128-bit digests (the attestation ids seen in a file), 16 bytes a slot in open-addressing tables with
/// linear probing, each grown by half when three quarters full. The digests are split over 16 tables by their top
/// bits, so a table that grows copies a sixteenth of the set: a <see cref="HashSet{T}"/> of <see cref="UInt128"/>
/// takes 36 bytes an entry and holds its old and new arrays at once while it resizes, which at a million ids was
/// most of the growth of a CSV check. The digests are uniform (a SHA-256 prefix), so their bits need no mixing.
/// </summary>
internal sealed class DigestSet
{
    private const int ShardBits = 4;

    private DigestTable?[]? _shards;
    private bool _hasZero;

    public int Count { get; private set; }

    /// <summary>The slots of all tables, for the memory bound (16 bytes each).</summary>
    internal long SlotCount => _shards?.Sum(shard => (long)(shard?.SlotCount ?? 0)) ?? 0;

    /// <summary>Adds the digest; false when it is already in the set.</summary>
    public bool Add(UInt128 digest)
    {
        bool added;
        if (digest == UInt128.Zero)
        {
            // Zero marks an empty slot, so the zero digest is remembered apart.
            added = !_hasZero;
            _hasZero = true;
        }
        else
        {
            _shards ??= new DigestTable?[1 << ShardBits];
            added = (_shards[ShardOf(digest)] ??= new DigestTable()).Add(digest);
        }

        if (added) Count++;
        return added;
    }

    public bool Contains(UInt128 digest) =>
        digest == UInt128.Zero ? _hasZero : _shards?[ShardOf(digest)]?.Contains(digest) == true;

    private static int ShardOf(UInt128 digest) => (int)(digest >> (128 - ShardBits));

    /// <summary>One table of non-zero digests; a digest's home slot comes from its low 64 bits.</summary>
    private sealed class DigestTable
    {
        private const int InitialSlots = 4;

        private UInt128[] _slots = new UInt128[InitialSlots];
        private int _count;

        public int SlotCount => _slots.Length;

        public bool Add(UInt128 digest)
        {
            if (_count >= _slots.Length - (_slots.Length >> 2)) Grow();
            if (!Insert(_slots, digest)) return false;
            _count++;
            return true;
        }

        public bool Contains(UInt128 digest)
        {
            var slots = _slots;
            for (var i = HomeOf(digest, slots.Length); ; i = Next(i, slots.Length))
            {
                if (slots[i] == digest) return true;
                if (slots[i] == UInt128.Zero) return false;
            }
        }

        private static bool Insert(UInt128[] slots, UInt128 digest)
        {
            for (var i = HomeOf(digest, slots.Length); ; i = Next(i, slots.Length))
            {
                if (slots[i] == digest) return false;
                if (slots[i] == UInt128.Zero)
                {
                    slots[i] = digest;
                    return true;
                }
            }
        }

        private void Grow()
        {
            var larger = new UInt128[checked(_slots.Length + (_slots.Length >> 1))];
            foreach (var digest in _slots)
            {
                if (digest != UInt128.Zero) Insert(larger, digest);
            }

            _slots = larger;
        }

        /// <summary>Maps the low 64 bits onto [0, length) by a multiply (any length, no modulo).</summary>
        private static int HomeOf(UInt128 digest, int length) => (int)Math.BigMul((ulong)digest, (ulong)length, out _);

        private static int Next(int slot, int length) => slot + 1 == length ? 0 : slot + 1;
    }
}
