using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed class AttestorValidator : JsonPathValidator<Attestor>
{
    /// <summary>How far a signature may lie ahead of our clock (the signer's clock may run a little fast).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly TimeProvider _clock;

    public AttestorValidator(TimeProvider clock)
    {
        _clock = clock;
        Field(x => x.Name).Name("attestor.name");
        Field(x => x.Tier).Required("attestor.tier")
            .Must(IsTier).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("attestor.tier must be 1, 2 or 3.");
        Field(x => x.Country).CountryCode("attestor.country");
        Field(x => x.Signatory).Name("attestor.signatory");
        Field(x => x.SignedAt).Required("attestor.signedAt")
            .Must(IsNotInFuture).WithErrorCode(ErrorCodes.InFuture)
            .WithMessage("attestor.signedAt lies in the future; an attestation can only be signed at or before its upload.");
    }

    private static bool IsTier(int? tier) => tier is >= 1 and <= 3;

    private bool IsNotInFuture(DateTimeOffset? signedAt) => signedAt <= _clock.GetUtcNow() + ClockSkew;
}
