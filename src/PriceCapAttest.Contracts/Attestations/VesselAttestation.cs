using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Contracts;

/// <summary>The current version of one attestation of a vessel (VesselIndex row).</summary>
public sealed record VesselAttestation(
    string Imo,
    DateOnly LoadingDate,
    string ShipperId,
    string AttestationId,
    int Version,
    int Versions,
    Verdict Verdict,
    IReadOnlyList<RegimeVerdict> Regimes,
    IReadOnlyList<string> Flags,
    string? VesselName,
    string? ScheduleVersion,
    DateTimeOffset ReceivedAt,
    string BlobPath);

public sealed record RegimeVerdict(string Regime, Verdict Verdict);
