using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Output;

/// <summary>Counts of a <c>check</c> run: results per verdict, files read and files that could not be read.</summary>
public sealed class CheckSummary
{
    private readonly int[] _byVerdict = new int[Enum.GetValues<Verdict>().Length];

    public int Files { get; private set; }

    public int UnreadableFiles { get; private set; }

    public int Total => _byVerdict.Sum();

    /// <summary>Something a compliance team must look at: a Violation, NeedsReview or Rejected result.</summary>
    public bool NeedsAttention =>
        Count(Verdict.Violation) + Count(Verdict.NeedsReview) + Count(Verdict.Rejected) > 0;

    public int Count(Verdict verdict) => _byVerdict[(int)verdict];

    public void Add(CheckResult result) => _byVerdict[(int)result.Verdict]++;

    public void FileRead() => Files++;

    public void FileUnreadable() => UnreadableFiles++;
}
