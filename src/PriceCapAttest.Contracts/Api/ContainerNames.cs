namespace PriceCapAttest.Contracts;

/// <summary>
/// The blob containers a client writes to or reads from. The pipeline's StorageNames takes its container names from
/// here, so the two cannot drift.
/// </summary>
public static class ContainerNames
{
    /// <summary>Uploads: <c>attestations/{shipperId}/{name}</c>.</summary>
    public const string Attestations = "attestations";

    /// <summary>Receipts: <c>attestation-receipts/{shipperId}/{name}.json</c>.</summary>
    public const string Receipts = "attestation-receipts";

    /// <summary>The cap schedule in force: <c>config/cap-schedule.json</c>.</summary>
    public const string Config = "config";
}
