namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>
/// Where an uploaded document lives: <c>attestations/{shipperId}/{name}</c>. The first segment below the
/// container is the shipper; the rest (which may hold further '/') is the document name.
/// </summary>
public sealed record DocumentPath(string Container, string ShipperId, string Name)
{
    /// <summary>The full path, <c>{container}/{shipperId}/{name}</c>, as receipts and records show it.</summary>
    public string BlobPath => $"{Container}/{ShipperId}/{Name}";

    /// <summary>The blob name inside the container, <c>{shipperId}/{name}</c>.</summary>
    public string BlobName => $"{ShipperId}/{Name}";

    public static DocumentPath FromBlob(string container, string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(container);
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        return TryParseName(container, blobName) ?? throw new ArgumentException(
            $"'{blobName}' is not a document path: expected {{shipperId}}/{{name}}, without '.' or '..' segments or '\\'.", nameof(blobName));
    }

    /// <summary>
    /// Parses <c>attestations/{shipperId}/{name}</c>, or <c>{shipperId}/{name}</c> (the attestations container is
    /// then implied); null when it has no shipper or no name, or holds a '.' or '..' segment or a '\'.
    /// </summary>
    public static DocumentPath? TryParse(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var trimmed = path.TrimStart('/');
        var prefix = StorageNames.Containers.Attestations + "/";
        if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[prefix.Length..];
        }

        return TryParseName(StorageNames.Containers.Attestations, trimmed);
    }

    private static DocumentPath? TryParseName(string container, string blobName)
    {
        // A '.' or '..' segment or a '\' is not addressable as it is: URI normalisation (the storage SDK's too) would
        // turn "a/../b" into "b" and "a\b" into "a/b", so reading or writing by such a name could reach another
        // shipper's document or receipt. Such a name is no document path.
        if (blobName.Contains('\\', StringComparison.Ordinal) || blobName.Split('/').Any(segment => segment is "." or ".."))
        {
            return null;
        }

        var slash = blobName.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == blobName.Length - 1)
        {
            return null;
        }

        return new DocumentPath(container, blobName[..slash], blobName[(slash + 1)..]);
    }
}
