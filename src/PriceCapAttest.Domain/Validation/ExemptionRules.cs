using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    /// <summary>
    /// An exemption is optional; when given, its type is one of the format's: general_licence only from v1.1 on, and
    /// with the licence's id in reference (otherwise reference is free text).
    /// </summary>
    private void ExemptionRules()
    {
        var exemption = Section(x => x.Exemption);
        exemption.Field(e => e.Type).OneOf("exemption.type", Vocabulary.ExemptionTypes)
            .Must((document, type) => document.SchemaVersion != Vocabulary.SchemaVersion10 || Vocabulary.ExemptionTypesV10.Contains(type!))
            .WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage((_, type) => $"exemption.type \"{type}\" needs schemaVersion \"{Vocabulary.SchemaVersion11}\": attestation v{Vocabulary.SchemaVersion10} knows only {Codes.List(Vocabulary.ExemptionTypesV10)}.");
        exemption.Field(e => e.Reference)
            .Must((document, reference) => document.Exemption!.Type != Vocabulary.GeneralLicence || !string.IsNullOrWhiteSpace(reference))
            .WithErrorCode(ErrorCodes.Required)
            .WithMessage("exemption.reference is required for a general_licence claim: give the licence's id, for example \"GL 134\".");
    }
}
