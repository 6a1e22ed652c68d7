using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed class AncillaryCostValidator : JsonPathValidator<AncillaryCost>
{
    public AncillaryCostValidator()
    {
        Field(x => x.Type).OneOf("The cost type", Vocabulary.AncillaryCostTypes);
        Field(x => x.Value).Required("The cost value")
            .Must(IsNotNegative).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("The cost value must be 0 or more.");
        Field(x => x.Currency).CurrencyCode("The cost currency");
        Field(x => x.Unit).OneOf("The cost unit", Vocabulary.AncillaryCostUnits);
    }

    private static bool IsNotNegative(decimal? value) => value >= 0m;
}
