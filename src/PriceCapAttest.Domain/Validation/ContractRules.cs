namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    /// <summary>The contract's own fields; its date against the loading date is checked after all sections.</summary>
    private void ContractRules()
    {
        var contract = RequiredSection(x => x.Contract, "contract");
        contract.Field(c => c.Reference).RequiredText("contract.reference");
        contract.Field(c => c.Date).Required("contract.date");
    }
}
