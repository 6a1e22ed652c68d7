using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Ingest;

namespace PriceCapAttest.Pipeline.Rescreening;

/// <summary>
/// Checks stored raw documents again with another schedule, each document read and checked once however many of its
/// attestations are examined (a year of voyages in one CSV is one download). A document is used only when its bytes
/// still hash to the version's SHA-256: a blob overwritten or deleted since is not the evidence, and its attestations
/// are reported unavailable rather than checked against other content. Keeps the last few documents (thread-safe).
/// </summary>
public sealed class DocumentRechecker(BlobServiceClient blobs, AttestationChecker checker, int capacity = 4)
{
    private readonly Lock _gate = new();
    private readonly LinkedList<(string Key, Task<IReadOnlyDictionary<int, CheckResult>?> Results)> _recent = new();

    /// <summary>The results by index in the document, or null when it is gone or no longer has that content.</summary>
    public Task<IReadOnlyDictionary<int, CheckResult>?> CheckAsync(string blobPath, string sha256, CancellationToken cancellationToken)
    {
        var key = blobPath + "\n" + sha256;
        lock (_gate)
        {
            for (var node = _recent.First; node is not null; node = node.Next)
            {
                if (node.Value.Key == key)
                {
                    return node.Value.Results;
                }
            }

            var task = LoadAsync(blobPath, sha256, cancellationToken);
            _recent.AddFirst((key, task));
            while (_recent.Count > capacity)
            {
                _recent.RemoveLast();
            }

            return task;
        }
    }

    private async Task<IReadOnlyDictionary<int, CheckResult>?> LoadAsync(string blobPath, string sha256, CancellationToken cancellationToken)
    {
        if (DocumentPath.TryParse(blobPath) is not { } path || DocumentFormats.FromFileName(path.Name) is not { } format)
        {
            return null;
        }

        BinaryData content;
        try
        {
            content = (await blobs.GetBlobContainerClient(path.Container).GetBlobClient(path.BlobName)
                .DownloadContentAsync(cancellationToken).ConfigureAwait(false)).Value.Content;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }

        if (!string.Equals(Convert.ToHexStringLower(SHA256.HashData(content.ToMemory().Span)), sha256, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        using var stream = content.ToStream();
        return DocumentCheck.Run(checker, stream, format, path.BlobPath)
            .Select(c => c.Result)
            .ToDictionary(r => r.Index);
    }
}
