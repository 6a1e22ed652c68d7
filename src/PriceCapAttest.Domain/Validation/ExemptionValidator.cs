using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Validation;

/// <summary>An exemption is optional; when given, its type is one of the format's (reference is free text).</summary>
public sealed class ExemptionValidator : JsonPathValidator<Exemption>
{
    public ExemptionValidator()
    {
        Field(x => x.Type).OneOf("exemption.type", Vocabulary.ExemptionTypes);
    }
}
