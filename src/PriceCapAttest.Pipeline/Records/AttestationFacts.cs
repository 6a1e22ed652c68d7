namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// What the indexes need from an attestation beyond its check result: the vessel (IMO as 7 digits) and the
/// loading date, and the product (the cargo.product value, for the re-screening index). Null where the document did
/// not give them (then the attestation is in no vessel or re-screening index).
/// </summary>
public sealed record AttestationFacts(string? Imo, string? VesselName, DateOnly? LoadingDate, string? Product = null)
{
    public static AttestationFacts None { get; } = new(null, null, null);
}
