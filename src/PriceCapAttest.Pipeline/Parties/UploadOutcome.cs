using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// An upload's outcome: stored (<see cref="Accepted"/>) or refused with nothing stored (<see cref="Refusal"/>, and
/// <see cref="Kind"/> for the HTTP status the adapters answer).
/// </summary>
public sealed record UploadOutcome(UploadAccepted? Accepted, UploadRefusal? Refusal, UploadRefusalKind Kind = UploadRefusalKind.Invalid)
{
    public static UploadOutcome Stored(UploadAccepted accepted) => new(accepted, null);

    public static UploadOutcome Refused(UploadRefusal refusal, UploadRefusalKind kind = UploadRefusalKind.Invalid) => new(null, refusal, kind);
}

/// <summary>Why an upload was refused: bad input (400), a content type not accepted (415), or a body over the limit (413).</summary>
public enum UploadRefusalKind
{
    Invalid,
    UnsupportedContentType,
    TooLarge,
}
