namespace PriceCapAttest.Contracts;

/// <summary>One violated regime of one attestation version (Violations row).</summary>
public sealed record ViolationAnswer(
    string Regime,
    DateOnly LoadingDate,
    string ShipperId,
    string AttestationId,
    int Version,
    string? Imo,
    string? VesselName,
    decimal? CapUsdPerBbl,
    decimal? PriceUsdPerBbl,
    string? RuleId,
    IReadOnlyList<string> Reasons,
    string? ScheduleVersion,
    DateTimeOffset ReceivedAt,
    string BlobPath,
    string Sha256);
