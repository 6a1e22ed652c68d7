using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>The verdicts for a valid attestation: overall, with its reasons, per regime, and the flags.</summary>
public sealed record EvaluationOutcome(
    Verdict Verdict,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<RegimeResult> Regimes,
    IReadOnlyList<string> Flags);
