using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    /// <summary>An exemption is optional; when given, its type is one of the format's (reference is free text).</summary>
    private void ExemptionRules() =>
        Section(x => x.Exemption).Field(e => e.Type).OneOf("exemption.type", Vocabulary.ExemptionTypes);
}
