using FluentValidation;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    /// <summary>How far a signature may lie ahead of our clock (the signer's clock may run a little fast).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private void AttestorRules(TimeProvider clock)
    {
        var attestor = RequiredSection(x => x.Attestor, "attestor");
        attestor.Field(a => a.Name).Name("attestor.name");
        attestor.Field(a => a.Tier).Required("attestor.tier")
            .Must(IsTier).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("attestor.tier must be 1, 2 or 3.");
        attestor.Field(a => a.Country).CountryCode("attestor.country");
        attestor.Field(a => a.Signatory).Name("attestor.signatory");
        attestor.Field(a => a.SignedAt).Required("attestor.signedAt")
            .Must(signedAt => signedAt <= clock.GetUtcNow() + ClockSkew).WithErrorCode(ErrorCodes.InFuture)
            .WithMessage("attestor.signedAt lies in the future; an attestation can only be signed at or before its upload.");
    }

    private static bool IsTier(int? tier) => tier is >= 1 and <= 3;
}
