using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed class CargoValidator : JsonPathValidator<Cargo>
{
    public CargoValidator()
    {
        Field(x => x.Product).OneOf("cargo.product", Vocabulary.Products);
        Field(x => x.HsCode).RequiredText("cargo.hsCode")
            .Must(IsWellFormedHsCode).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("cargo.hsCode must be 4 to 10 digits (dots and spaces allowed), for example 2709.00.")
            .Must(AgreesWithProduct).WithErrorCode(ErrorCodes.HsCodeMismatch)
            .WithMessage((cargo, hs) => $"cargo.hsCode \"{hs}\" does not agree with product {cargo.Product}: expected heading {string.Join(" or ", Vocabulary.HsHeadingsByProduct[cargo.Product!])}.");
        Field(x => x.Origin).CountryCode("cargo.origin");
        Field(x => x.Quantity!).NotNull().WithErrorCode(ErrorCodes.Required).WithMessage("cargo.quantity is required.")
            .SetValidator(new QuantityValidator());
        Field(x => x.ApiGravity)
            .Must(IsApiGravityInRange).WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage("cargo.apiGravity must lie strictly between -10 and 100 degrees API.");
        Field(x => x.DensityKgM3)
            .Must(IsDensityInRange).WithErrorCode(ErrorCodes.OutOfRange)
            .WithMessage("cargo.densityKgM3 must lie strictly between 600 and 1200 kg/m3 (at 15 C).")
            .Must(IsNotGivenWithApiGravity).WithErrorCode(ErrorCodes.ConflictingFields)
            .WithMessage("Give cargo.apiGravity or cargo.densityKgM3, not both.");
    }

    private static bool IsWellFormedHsCode(string? hsCode) => Codes.HsDigits(hsCode) is not null;

    private static bool AgreesWithProduct(Cargo cargo, string? hsCode) => Codes.HsCodeAgreesWithProduct(cargo.Product, hsCode);

    private static bool IsApiGravityInRange(decimal? api) => api is null or > -10m and < 100m;

    private static bool IsDensityInRange(decimal? density) => density is null or > 600m and < 1200m;

    private static bool IsNotGivenWithApiGravity(Cargo cargo, decimal? density) => density is null || cargo.ApiGravity is null;
}

public sealed class QuantityValidator : JsonPathValidator<Quantity>
{
    public QuantityValidator()
    {
        Field(x => x.Value).Required("cargo.quantity.value")
            .GreaterThan(0m).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("cargo.quantity.value must be greater than 0.");
        Field(x => x.Unit).OneOf("cargo.quantity.unit", Vocabulary.QuantityUnits);
    }
}
