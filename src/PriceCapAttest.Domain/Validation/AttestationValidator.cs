using System.Linq.Expressions;
using FluentValidation;
using FluentValidation.Results;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

/// <summary>
/// Every rule of attestation document v1 (docs/attestation-format.md, field table), each failure named by the field's
/// JSON path with a stable code. All failures of a document are reported.
/// </summary>
public sealed partial class AttestationValidator : JsonPathValidator<AttestationDocument>
{
    private const string FxRates = "fxRatesToUsd";

    public AttestationValidator(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        Field(x => x.SchemaVersion).RequiredText("schemaVersion")
            .Must(Codes.IsSupportedSchemaVersion).WithErrorCode(ErrorCodes.UnsupportedSchemaVersion)
            .WithMessage((_, version) => $"schemaVersion \"{version}\" is not supported: this service reads version 1.x (for example \"1.0\").");
        Field(x => x.AttestationId).RequiredText("attestationId")
            .MaximumLength(64).WithErrorCode(ErrorCodes.TooLong).WithMessage("attestationId must be at most 64 characters long.")
            .Must(Codes.IsAttestationId).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage("attestationId may hold only letters A-Z and a-z, digits 0-9, '.', '_' and '-'.");

        AttestorRules(clock);
        VesselRules();
        VoyageRules();
        ContractRules();
        CargoRules();
        PriceRules();
        EachOf(x => x.AncillaryCosts, new AncillaryCostValidator());
        EachOf(x => x.ServiceProviders, new ServiceProviderValidator());
        ExemptionRules();

        RuleFor(x => x.Contract!.Date)
            .Must(IsNotAfterLoading).WithErrorCode(ErrorCodes.DateOrder)
            .WithMessage("contract.date lies after voyage.loadingDate: the contract must be concluded by the loading date.")
            .When(x => x.Contract is not null)
            .OverridePropertyName("contract.date");

        RuleFor(x => x).Custom(CheckFxRates);
    }

    /// <summary>A section every attestation must have: "<paramref name="what"/> is required" when absent, else its rules.</summary>
    private SectionRules<TSection> RequiredSection<TSection>(Expression<Func<AttestationDocument, TSection?>> section, string what)
        where TSection : class
    {
        Field(section).Required(what);
        return Section(section);
    }

    private static bool IsNotAfterLoading(AttestationDocument document, DateOnly? contractDate) =>
        contractDate is null || document.Voyage?.LoadingDate is not { } loading || contractDate <= loading;

    /// <summary>Each rate is for a known currency and positive; every non-USD currency used has a rate.</summary>
    private static void CheckFxRates(AttestationDocument document, ValidationContext<AttestationDocument> context)
    {
        if (document.FxRatesToUsd.Count > 0) CheckRatesGiven(document, context);
        CheckRatesNeeded(document, context);
    }

    private static void CheckRatesGiven(AttestationDocument document, ValidationContext<AttestationDocument> context)
    {
        foreach (var (currency, rate) in document.FxRatesToUsd)
        {
            var path = $"{FxRates}.{currency}";
            if (!IsoCurrencies.IsAssigned(currency))
                Fail(context, path, ErrorCodes.UnknownValue, $"\"{currency}\" in fxRatesToUsd is not an ISO 4217 currency code in upper case.");
            else if (rate is null)
                Fail(context, path, ErrorCodes.Required, $"The rate for {currency} is required (USD per one {currency}).");
            else if (rate <= 0m)
                Fail(context, path, ErrorCodes.OutOfRange, $"The rate for {currency} must be greater than 0 (USD per one {currency}).");
        }
    }

    /// <summary>The currencies of the price and the costs, each once, other than USD and other than invalid codes
    /// (reported where they stand), each need a rate.</summary>
    private static void CheckRatesNeeded(AttestationDocument document, ValidationContext<AttestationDocument> context)
    {
        var costs = document.AncillaryCosts;
        for (var i = -1; i < costs.Count; i++)
        {
            var currency = i < 0 ? document.Price?.Currency : costs[i].Currency;
            if (currency is null || currency == IsoCurrencies.UsDollar || !IsoCurrencies.IsAssigned(currency)
                || IsNamedBefore(currency, i, document) || document.FxRatesToUsd.ContainsKey(currency))
                continue;
            Fail(context, $"{FxRates}.{currency}", ErrorCodes.MissingFxRate,
                $"An amount is in {currency}: fxRatesToUsd must give the rate for {currency} (USD per one {currency}).");
        }
    }

    /// <summary>True when the price (position -1) or a cost before <paramref name="position"/> is in this currency.</summary>
    private static bool IsNamedBefore(string currency, int position, AttestationDocument document)
    {
        if (position >= 0 && document.Price?.Currency == currency)
            return true;
        for (var i = 0; i < position; i++)
        {
            if (document.AncillaryCosts[i].Currency == currency)
                return true;
        }
        return false;
    }

    private static void Fail(ValidationContext<AttestationDocument> context, string path, string code, string message) =>
        context.AddFailure(new ValidationFailure(path, message) { ErrorCode = code });
}
