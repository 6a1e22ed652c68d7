using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Reliability.Tests.Corpus;
using PriceCapAttest.Reliability.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PriceCapAttest.Reliability.Tests.Input;

/// <summary>Every document of the bad-document corpus through the Domain checker, in process.</summary>
public sealed class CorpusThroughTheChecker(CorpusFixture corpus, ITestOutputHelper output) : IClassFixture<CorpusFixture>
{
    /// <summary>Managed allocation allowed for checking one document (the 50 MB ones included: never read whole).</summary>
    private const long MaxAllocatedBytes = 64L * 1024 * 1024;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static AttestationChecker Checker() =>
        new(CapScheduleLoader.LoadDefault(), CheckOptions.Default, new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void The_Corpus_Has_At_Least_200_Documents_In_Every_Category()
    {
        Assert.True(corpus.Documents.Count >= 200, $"only {corpus.Documents.Count} documents");
        Assert.Equal(corpus.Documents.Count, corpus.Documents.Select(d => d.Name).Distinct().Count());
        string[] categories =
        [
            "truncated-json", "malformed-json", "wrong-types", "hostile-numbers", "deep-nesting", "invalid-utf8", "bom",
            "duplicate-ids", "csv-quotes-newlines", "csv-delimiter", "csv-columns", "csv-cells", "formula-injection", "large-file",
        ];
        Assert.Equal(categories.Order(), corpus.Documents.Select(d => d.Category).Distinct().Order());
        Assert.Equal(2, corpus.Documents.Count(d => d.Length == BadDocumentCorpus.LargeFileBytes));
        output.WriteLine(string.Join(Environment.NewLine, corpus.Documents.GroupBy(d => d.Category).Select(g => $"{g.Key}: {g.Count()}")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Every_Bad_Document_Is_Rejected_With_Clear_Errors_Within_Bounded_Memory(bool seekable)
    {
        var checker = Checker();
        var problems = new List<string>();
        long largest = 0;
        foreach (var document in corpus.Documents)
        {
            var (results, allocated) = await Task.Run(() =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                using Stream file = File.OpenRead(document.Path);
                using var content = seekable ? file : new NonSeekableStream(file);
                var list = checker.Check(content, document.Format, document.Name).Select(r => (r.Verdict, r.Errors)).ToList();
                return (list, GC.GetAllocatedBytesForCurrentThread() - before);
            }).WaitAsync(Deadline);

            // A CSV whose length is unknown is streamed row by row (each row checked and let go) up to the size
            // limit, where reading stops with FileTooLarge: its allocation grows with the rows, its memory does not.
            var streamedCsv = !seekable && document.Format == DocumentFormat.Csv && document.Length > CheckOptions.Default.Limits.MaxBytes;
            var expected = streamedCsv ? document with { Expect = Expectation.PartlyRejected } : document;
            if (!streamedCsv)
            {
                largest = Math.Max(largest, allocated);
                if (allocated > MaxAllocatedBytes)
                    problems.Add(string.Create(CultureInfo.InvariantCulture, $"{document}: allocated {allocated:N0} bytes"));
            }

            if (Verdicts.Problem(expected, results) is { } problem)
                problems.Add($"{document}: {problem}");
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{corpus.Documents.Count} documents, largest allocation {largest:N0} bytes"));
        Assert.True(problems.Count == 0, $"{problems.Count} problem(s):{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }
}
