namespace PriceCapAttest.Domain.Reading;

/// <summary>What a reader accepts before it gives up on a file (protects the pipeline from oversized input).</summary>
public sealed record ReaderLimits
{
    public static ReaderLimits Default { get; } = new();

    /// <summary>Largest file in bytes (a UTF-8 byte order mark included); larger files give FileTooLarge.</summary>
    public long MaxBytes { get; init; } = 10 * 1024 * 1024;

    /// <summary>Deepest JSON nesting of objects and arrays; deeper documents give NestingTooDeep.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most attestations in one file (JSON batch elements or CSV data rows); more give TooManyAttestations.</summary>
    public int MaxAttestationsPerFile { get; init; } = 100_000;
}
