using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Validation;

/// <summary>The contract's own fields; its date against the loading date is checked by <see cref="AttestationValidator"/>.</summary>
public sealed class ContractValidator : JsonPathValidator<ContractInfo>
{
    public ContractValidator()
    {
        Field(x => x.Reference).RequiredText("contract.reference");
        Field(x => x.Date).Required("contract.date");
    }
}
