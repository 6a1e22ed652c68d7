using System.Collections.Frozen;
using FluentValidation;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

/// <summary>The rules several sections share, each with its stable code and a plain English message.</summary>
internal static class RuleExtensions
{
    public const int MaxNameLength = 200;

    /// <summary>The value must be given (any value, 0 included).</summary>
    public static IRuleBuilderOptions<T, TProperty> Required<T, TProperty>(this IRuleBuilder<T, TProperty> rule,
        string what) =>
        rule.NotNull().WithErrorCode(ErrorCodes.Required).WithMessage($"{what} is required.");

    /// <summary>The text must be given and hold more than white space.</summary>
    public static IRuleBuilderOptions<T, string?> RequiredText<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text)) // NotEmpty() would allocate an enumerator per string
            .WithErrorCode(ErrorCodes.Required).WithMessage($"{what} is required.");

    /// <summary>
    /// A name: required, at most <see cref="MaxNameLength"/> characters, no control characters, and not starting
    /// with = + - @ (a spreadsheet would run it as a formula: OWASP CSV injection), since names end up in receipts,
    /// alerts and CSV exports that people open in spreadsheets.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Name<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.RequiredText(what)
            .MaximumLength(MaxNameLength).WithErrorCode(ErrorCodes.TooLong)
            .WithMessage($"{what} must be at most {MaxNameLength} characters long.")
            .Must(IsPlainText).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage($"{what} must not start with =, +, - or @ (a spreadsheet would run it as a formula) and must not hold control characters.");

    private static bool IsPlainText(string? text) =>
        string.IsNullOrEmpty(text) || (text[0] is not ('=' or '+' or '-' or '@') && !HasControlCharacter(text));

    /// <summary>As <see cref="char.IsControl(char)"/> on any character: U+0000-U+001F and U+007F-U+009F.</summary>
    private static bool HasControlCharacter(string text) =>
        text.AsSpan().ContainsAnyInRange('\u0000', '\u001F') || text.AsSpan().ContainsAnyInRange('\u007F', '\u009F');

    public static IRuleBuilderOptions<T, string?> CountryCode<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.RequiredText(what)
            .Must(Codes.IsUpperAlpha2).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage($"{what} must be an ISO 3166-1 alpha-2 country code in upper case, for example GB.")
            .Must(IsoCountries.IsAssigned).WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage((_, code) => $"{what} \"{code}\" is not an assigned ISO 3166-1 country code.");

    public static IRuleBuilderOptions<T, string?> CurrencyCode<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.RequiredText(what)
            .Must(Codes.IsUpperAlpha3).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage($"{what} must be an ISO 4217 currency code in upper case, for example USD.")
            .Must(IsoCurrencies.IsAssigned).WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage((_, code) => $"{what} \"{code}\" is not an ISO 4217 currency code.");

    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, string what,
        FrozenSet<string> allowed) =>
        rule.RequiredText(what)
            .Must(value => value is not null && allowed.Contains(value)).WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage((_, value) => $"{what} \"{value}\" is not one of: {Codes.List(allowed)}.");

    public static IRuleBuilderOptions<T, string?> UnLocode<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.Must(Codes.IsUnLocode).WithErrorCode(ErrorCodes.InvalidFormat)
            .WithMessage($"{what} must be a UN/LOCODE: 2 capital letters of the country and 3 of A-Z or 2-9, for example RUPRI.")
            .Must(Codes.HasLocodeCountry).WithErrorCode(ErrorCodes.UnknownValue)
            .WithMessage((_, code) => $"{what} \"{code}\" does not start with an assigned ISO 3166-1 country code.");
}
