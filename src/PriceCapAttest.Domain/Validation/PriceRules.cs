using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    private void PriceRules()
    {
        var price = RequiredSection(x => x.Price, "price");
        price.Field(p => p.Value).Required("price.value")
            .GreaterThan(0m).WithErrorCode(ErrorCodes.OutOfRange).WithMessage("price.value must be greater than 0.");
        price.Field(p => p.Currency).CurrencyCode("price.currency");
        price.Field(p => p.Unit).OneOf("price.unit", Vocabulary.PriceUnits);
        price.Field(p => p.Basis).OneOf("price.basis", Vocabulary.Incoterms);
    }
}
