using System.Globalization;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Reliability.Tests.Corpus;

/// <summary>Checks the results of one bad document against what it must yield; returns what is wrong, if anything.</summary>
internal static class Verdicts
{
    public static string? Problem(BadDocument document, IReadOnlyList<(Verdict Verdict, IReadOnlyList<ValidationIssue> Errors)> results)
    {
        if (results.Count == 0)
            return "no result at all";
        var rejected = results.Where(r => r.Verdict == Verdict.Rejected).ToList();
        if (document.Expect == Expectation.Rejected && rejected.Count != results.Count)
            return string.Create(CultureInfo.InvariantCulture, $"{results.Count - rejected.Count} of {results.Count} result(s) not Rejected: {string.Join(", ", results.Select(r => r.Verdict).Distinct())}");
        if (rejected.Count == 0)
            return "nothing Rejected";
        foreach (var (_, errors) in rejected)
        {
            if (errors.Count == 0)
                return "a Rejected result without errors";
            if (errors.FirstOrDefault(e => string.IsNullOrWhiteSpace(e.Field) || string.IsNullOrWhiteSpace(e.Code) || string.IsNullOrWhiteSpace(e.Message)) is { } blank)
                return $"an error with a blank part: field '{blank.Field}', code '{blank.Code}', message '{blank.Message}'";
        }

        var all = rejected.SelectMany(r => r.Errors).ToList();
        if (document.Code is { } code && all.All(e => e.Code != code))
            return $"expected {code}, got {string.Join("; ", all.Select(e => e.Code + " " + e.Message))}";
        if (document.MessageContains is { } word && all.All(e => !e.Message.Contains(word, StringComparison.OrdinalIgnoreCase)))
            return $"no message mentions '{word}': {string.Join("; ", all.Select(e => e.Message))}";
        return null;
    }
}
