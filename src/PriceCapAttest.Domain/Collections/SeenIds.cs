namespace PriceCapAttest.Domain.Collections;

/// <summary>
/// The attestation ids seen so far in one file, as 128-bit digests of their text (16 bytes each, not a string per
/// row, so that memory stays nearly flat over a CSV of a million rows). The first id is kept as it is until a
/// second one comes: a file of one attestation, the usual upload, hashes nothing.
/// </summary>
internal sealed class SeenIds : IDisposable
{
    private readonly DigestSet _digests = new();
    private IdDigests? _hash;
    private string? _first;

    /// <summary>Adds the id; false when the file already had it.</summary>
    public bool Add(string id)
    {
        if (_first is null && _digests.Count == 0)
        {
            _first = id;
            return true;
        }

        if (_first is not null)
        {
            _digests.Add(Digest(_first));
            _first = null;
        }

        return _digests.Add(Digest(id));
    }

    private UInt128 Digest(string id) => (_hash ??= new IdDigests()).Of(id);

    public void Dispose() => _hash?.Dispose();
}
