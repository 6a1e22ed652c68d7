using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Validation;

/// <summary>
/// The errors of one attestation: the reader's (wrong types, bad dates, file errors) followed by the validators',
/// leaving out a validator's error at or below a path the reader already reported (a value the reader could not
/// read is null, and "required" would only repeat it). Thread-safe and reusable: the validators are built once.
/// </summary>
public sealed class DocumentValidator(TimeProvider clock)
{
    private readonly AttestationValidator _validator = new(clock);

    public IReadOnlyList<ValidationIssue> Validate(ParsedAttestation parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.Document is null)
        {
            return parsed.ReadErrors.Count > 0
                ? parsed.ReadErrors
                : [new ValidationIssue("$", ErrorCodes.Unreadable, "Nothing could be read from this attestation.")];
        }

        var result = _validator.Validate(parsed.Document);
        if (result.IsValid)
            return parsed.ReadErrors;

        var issues = new List<ValidationIssue>(parsed.ReadErrors);
        foreach (var failure in result.Errors)
        {
            if (!IsCoveredByReadError(failure.PropertyName, parsed.ReadErrors))
                issues.Add(new ValidationIssue(failure.PropertyName, failure.ErrorCode, failure.ErrorMessage));
        }
        return issues;
    }

    private static bool IsCoveredByReadError(string path, IReadOnlyList<ValidationIssue> readErrors)
    {
        foreach (var readError in readErrors)
        {
            var field = readError.Field;
            if (path.StartsWith(field, StringComparison.Ordinal)
                && (path.Length == field.Length || path[field.Length] is '.' or '['))
                return true;
        }
        return false;
    }
}
