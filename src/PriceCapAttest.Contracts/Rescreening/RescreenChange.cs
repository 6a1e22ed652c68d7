using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>One attestation whose current verdict a schedule changes (or, in a dry run, would change).</summary>
public sealed record RescreenChange(
    string ShipperId,
    string AttestationId,
    int Version,
    DateOnly LoadingDate,
    Verdict From,
    Verdict To,
    string? FromScheduleVersion,
    string? ToScheduleVersion,
    IReadOnlyList<RegimeVerdictChange> Regimes);

/// <summary>A regime whose verdict changes; None where the regime was (or is) not engaged.</summary>
public sealed record RegimeVerdictChange(string Regime, Verdict? From, Verdict? To);

/// <summary>How many attestations go from one verdict to another for one regime.</summary>
public sealed record RescreenCount(string Regime, Verdict? From, Verdict? To, int Count);
