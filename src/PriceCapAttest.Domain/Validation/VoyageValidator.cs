using FluentValidation;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

public sealed class VoyageValidator : JsonPathValidator<Voyage>
{
    public VoyageValidator()
    {
        Field(x => x.LoadPort).RequiredText("voyage.loadPort").UnLocode("voyage.loadPort");
        Field(x => x.LoadingDate).Required("voyage.loadingDate");
        Field(x => x.DischargePort).UnLocode("voyage.dischargePort").When(x => x.DischargePort is not null);
        Field(x => x.DischargeDate)
            .Must(IsNotBeforeLoading).WithErrorCode(ErrorCodes.DateOrder)
            .WithMessage("voyage.dischargeDate lies before voyage.loadingDate.");
    }

    private static bool IsNotBeforeLoading(Voyage voyage, DateOnly? dischargeDate) =>
        dischargeDate is null || voyage.LoadingDate is null || dischargeDate >= voyage.LoadingDate;
}
