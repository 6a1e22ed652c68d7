using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>An upload's outcome: stored (<see cref="Accepted"/>) or refused with nothing stored (<see cref="Refusal"/>).</summary>
public sealed record UploadOutcome(UploadAccepted? Accepted, UploadRefusal? Refusal)
{
    public static UploadOutcome Stored(UploadAccepted accepted) => new(accepted, null);

    public static UploadOutcome Refused(UploadRefusal refusal) => new(null, refusal);
}
