using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    private void CargoRules()
    {
        var cargo = RequiredSection(x => x.Cargo, "cargo");
        cargo.Field(c => c.Product).OneOf("cargo.product", Vocabulary.Products);
        cargo.Field(c => c.HsCode).RequiredText("cargo.hsCode")
            .Must(Codes.IsWellFormedHsCode).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("cargo.hsCode must be 4 to 10 digits (dots and spaces allowed), for example 2709.00.")
            .Must((document, hs) => Codes.HsCodeAgreesWithProduct(document.Cargo!.Product, hs)).WithErrorCode(ErrorCodes.HsCodeMismatch)
            .WithMessage((document, hs) => $"cargo.hsCode \"{hs}\" does not agree with product {document.Cargo!.Product}: expected heading {string.Join(" or ", Vocabulary.HsHeadingsByProduct[document.Cargo.Product!])}.");
        cargo.Field(c => c.Origin).CountryCode("cargo.origin");
        cargo.Field(c => c.Quantity).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("cargo.quantity is required.");
        var quantity = cargo.Section(c => c.Quantity);
        quantity.Field(q => q.Value).Required("cargo.quantity.value")
            .GreaterThan(0m).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("cargo.quantity.value must be greater than 0.");
        quantity.Field(q => q.Unit).OneOf("cargo.quantity.unit", Vocabulary.QuantityUnits);
        cargo.Field(c => c.ApiGravity)
            .Must(api => api is null or > -10m and < 100m).WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage("cargo.apiGravity must lie strictly between -10 and 100 degrees API.");
        cargo.Field(c => c.DensityKgM3)
            .Must(density => density is null or > 600m and < 1200m).WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage("cargo.densityKgM3 must lie strictly between 600 and 1200 kg/m3 (at 15 C).")
            .Must((document, density) => density is null || document.Cargo!.ApiGravity is null).WithErrorCode(ErrorCodes.ConflictingFields)
            .WithMessage("Give cargo.apiGravity or cargo.densityKgM3, not both.");
        // Since v1.1, optional; a 1.0 document that has it is refused by the reader (UnknownField at cargo.owner).
        cargo.Section(c => c.Owner).Field(o => o.Country).CountryCode("cargo.owner.country");
    }
}
