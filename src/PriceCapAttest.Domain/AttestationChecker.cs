using PriceCapAttest.Domain.Collections;
using PriceCapAttest.Domain.Evaluation;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Domain.Validation;

namespace PriceCapAttest.Domain;

/// <summary>
/// Reads, validates and evaluates attestation documents: the one entry point the CLI and the pipeline call.
/// Thread-safe and meant to be reused (it holds the parsed schedule and the built validators).
/// </summary>
public sealed class AttestationChecker
{
    private readonly DocumentValidator _validator;
    private readonly AttestationEvaluator _evaluator;
    private readonly CheckOptions _options;

    public AttestationChecker(CapSchedule schedule, CheckOptions options, TimeProvider clock)
    {
        Schedule = schedule;
        _options = options;
        _validator = new DocumentValidator(clock);
        _evaluator = new AttestationEvaluator(schedule, options);
    }

    public CapSchedule Schedule { get; }

    /// <summary>
    /// One result per attestation in the content, streamed (a large CSV is never held in memory). A file that
    /// cannot be read as attestations yields one Rejected result with its errors; the method does not throw for
    /// bad content, only for I/O failures of the stream itself.
    /// </summary>
    public IEnumerable<CheckResult> Check(Stream content, DocumentFormat format, string source) =>
        CheckWithDocuments(content, format, source).Select(checkedAttestation => checkedAttestation.Result);

    /// <summary>As <see cref="Check(Stream, DocumentFormat, string)"/>, with each result's document.</summary>
    public IEnumerable<CheckedDocument> CheckWithDocuments(Stream content, DocumentFormat format, string source)
    {
        var parsed = format == DocumentFormat.Json
            ? AttestationJsonReader.Read(content, _options.Limits)
            : AttestationCsvReader.Read(content, _options.Limits);
        using var seenIds = new SeenIds();
        foreach (var attestation in parsed)
        {
            var duplicate = attestation.Document?.AttestationId is { } id && !seenIds.Add(id);
            yield return new CheckedDocument(Check(attestation, source, duplicate), attestation.Document);
        }
    }

    /// <summary>The result of one attestation a reader produced.</summary>
    public CheckResult Check(ParsedAttestation parsed, string source) => Check(parsed, source, duplicateInFile: false);

    private CheckResult Check(ParsedAttestation parsed, string source, bool duplicateInFile)
    {
        var errors = _validator.Validate(parsed);
        if (duplicateInFile)
        {
            errors = [.. errors, new ValidationIssue("attestationId", ErrorCodes.DuplicateAttestationId,
                $"attestationId '{parsed.Document!.AttestationId}' appears more than once in this file; each attestation needs its own id.")];
        }

        var attestationId = parsed.Document?.AttestationId;
        if (errors.Count > 0 || parsed.Document is null)
            return CheckResult.Rejected(source, parsed.Index, attestationId, errors, Schedule.Version);

        EvaluationOutcome evaluation;
        try
        {
            evaluation = _evaluator.Evaluate(parsed.Document);
        }
        catch (OverflowException)
        {
            // Amounts the validators accept can still overflow decimal once multiplied (price x rate / factor).
            return CheckResult.Rejected(source, parsed.Index, attestationId,
                [new ValidationIssue("price", ErrorCodes.OutOfRange, "The amounts are too large to compute a price per barrel; check price, quantity, costs and exchange rates.")],
                Schedule.Version);
        }

        return new CheckResult
        {
            Source = source,
            Index = parsed.Index,
            AttestationId = attestationId,
            Verdict = evaluation.Verdict,
            Reasons = evaluation.Reasons,
            Regimes = evaluation.Regimes,
            Flags = evaluation.Flags,
            Errors = [],
            ScheduleVersion = Schedule.Version,
        };
    }
}
