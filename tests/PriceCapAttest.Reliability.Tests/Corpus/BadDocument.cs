using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Reliability.Tests.Corpus;

/// <summary>What a bad document must yield.</summary>
public enum Expectation
{
    /// <summary>Every result Rejected, each with errors (field, code and message non-empty).</summary>
    Rejected,

    /// <summary>A batch with a valid part: at least one result Rejected with errors (e.g. a duplicate id).</summary>
    PartlyRejected,
}

/// <summary>
/// One generated bad document: its file name (the extension gives the format), category, where it was written,
/// what it must yield and, when it matters, the error code the file must be refused with and a word the message
/// must contain.
/// </summary>
public sealed record BadDocument(
    string Name,
    string Category,
    string Path,
    Expectation Expect = Expectation.Rejected,
    string? Code = null,
    string? MessageContains = null)
{
    public DocumentFormat Format => DocumentFormats.FromFileName(Name) ?? throw new InvalidOperationException(Name);

    public long Length => new FileInfo(Path).Length;

    public override string ToString() => $"{Category}/{Name}";
}
