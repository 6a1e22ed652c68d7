using PriceCapAttest.Reliability.Tests.Infrastructure;

namespace PriceCapAttest.Reliability.Tests.Corpus;

/// <summary>The bad-document corpus, generated once per test class into a temp folder.</summary>
public sealed class CorpusFixture : IDisposable
{
    private readonly TempFolder _folder = new();

    public CorpusFixture() => Documents = BadDocumentCorpus.Generate(_folder.Path);

    public IReadOnlyList<BadDocument> Documents { get; }

    public void Dispose() => _folder.Dispose();
}
