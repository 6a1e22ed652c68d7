using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed partial class AttestationValidator
{
    private void VoyageRules()
    {
        var voyage = RequiredSection(x => x.Voyage, "voyage");
        voyage.Field(v => v.LoadPort).RequiredText("voyage.loadPort").UnLocode("voyage.loadPort");
        voyage.Field(v => v.LoadingDate).Required("voyage.loadingDate");
        voyage.Field(v => v.DischargePort).UnLocode("voyage.dischargePort").When(x => x.Voyage!.DischargePort is not null);
        voyage.Field(v => v.DischargeDate)
            .Must(IsNotBeforeLoading).WithErrorCode(ErrorCodes.DateOrder)
            .WithMessage("voyage.dischargeDate lies before voyage.loadingDate.");
    }

    private static bool IsNotBeforeLoading(AttestationDocument document, DateOnly? dischargeDate) =>
        dischargeDate is null || document.Voyage!.LoadingDate is not { } loading || dischargeDate >= loading;
}
