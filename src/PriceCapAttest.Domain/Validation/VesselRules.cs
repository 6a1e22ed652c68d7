using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    private void VesselRules()
    {
        var vessel = RequiredSection(x => x.Vessel, "vessel");
        vessel.Field(v => v.Imo).RequiredText("vessel.imo")
            .Must(ImoNumber.IsWellFormed).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("vessel.imo must be an IMO number of 7 digits, for example 9074729 or IMO 9074729.")
            .Must(HasValidCheckDigit).WithErrorCode(ErrorCodes.InvalidCheckDigit)
            .WithMessage((_, imo) => $"vessel.imo \"{imo}\" is not a valid IMO number: its check digit should be {ImoNumber.ExpectedCheckDigit(imo)}.");
        vessel.Field(v => v.Name).Name("vessel.name");
        vessel.Field(v => v.Flag).CountryCode("vessel.flag");
    }

    private static bool HasValidCheckDigit(string? imo) => ImoNumber.TryParse(imo, out _);
}
