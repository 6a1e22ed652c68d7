using PriceCapAttest.Cli.Output;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using Spectre.Console.Testing;

namespace PriceCapAttest.Cli.Tests.Output;

/// <summary><c>pricecap status</c> names the current evaluation and lists the evaluations re-screening replaced.</summary>
public sealed class StatusEvaluationHistory
{
    private static readonly DateTimeOffset Received = new(2026, 8, 12, 10, 0, 0, TimeSpan.Zero);

    private static AttestationAnswer Answer(EvaluationAnswer evaluation, IReadOnlyList<PastEvaluationAnswer> history) => new(
        "voyages.csv", 0, "ATT-V1", Verdict.Violation, [], [], [], [], "2026-12-01.1-corrected", "acme", 3, 3, 3, Received,
        "attestations/acme/voyages.csv", "ab12", [], evaluation, history, "9074729");

    [Fact]
    public void A_Rescreened_Version_Names_Its_Schedule_And_Lists_The_Earlier_Evaluations()
    {
        var console = new TestConsole().Width(200);
        var replaced = Received.AddDays(100);
        var answer = Answer(new EvaluationAnswer(3, "rescreen", replaced.AddDays(5), "run-2"),
        [
            new PastEvaluationAnswer(1, "ingest", Received, null, "2026-06-01.1", Verdict.NeedsReview, [], [], [], replaced),
            new PastEvaluationAnswer(2, "rescreen", replaced, "run-1", "2026-12-01.1", Verdict.Compliant, [], [], [], replaced.AddDays(5)),
        ]);

        StatusView.WriteAttestation(console, answer);

        Assert.Contains("Evaluation 3.3: re-screening for schedule 2026-12-01.1-corrected (run run-2, 2026-11-25 10:00:00Z)", console.Output, StringComparison.Ordinal);
        Assert.Contains("Earlier evaluations", console.Output, StringComparison.Ordinal);
        Assert.Matches(@"3\.1\s+│\s+NeedsReview\s+│\s+2026-06-01\.1\s+│\s+ingest\s+│\s+2026-08-12 10:00:00Z\s+│\s+2026-11-20 10:00:00Z", console.Output);
        Assert.Matches(@"3\.2\s+│\s+Compliant\s+│\s+2026-12-01\.1\s+│\s+rescreen \(run run-1\)\s+│\s+2026-11-20 10:00:00Z", console.Output);
    }

    [Fact]
    public void A_Version_Only_Evaluated_At_Ingest_Has_No_History_Table()
    {
        var console = new TestConsole().Width(200);

        StatusView.WriteAttestation(console, Answer(new EvaluationAnswer(1, "ingest", null, null), []));

        Assert.Contains("Evaluation 3.1: at ingest with schedule 2026-12-01.1-corrected", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Earlier evaluations", console.Output, StringComparison.Ordinal);
    }
}
