using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed class PriceValidator : JsonPathValidator<Price>
{
    public PriceValidator()
    {
        Field(x => x.Value).Required("price.value")
            .GreaterThan(0m).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("price.value must be greater than 0.");
        Field(x => x.Currency).CurrencyCode("price.currency");
        Field(x => x.Unit).OneOf("price.unit", Vocabulary.PriceUnits);
        Field(x => x.Basis).OneOf("price.basis", Vocabulary.Incoterms);
    }
}
