namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// What the indexes need from an attestation beyond its check result: the vessel (IMO as 7 digits) and the
/// loading date. Null where the document did not give them (then the attestation is in no vessel index).
/// </summary>
public sealed record AttestationFacts(string? Imo, string? VesselName, DateOnly? LoadingDate)
{
    public static AttestationFacts None { get; } = new(null, null, null);
}
