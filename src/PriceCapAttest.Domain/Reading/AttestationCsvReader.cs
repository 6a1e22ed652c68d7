using System.Globalization;
using System.Text;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;
using Sylvan.Data.Csv;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// Reads attestation document v1 from UTF-8 CSV, one attestation per row, streaming (one row in memory at a time).
/// <list type="bullet">
/// <item>A header row is required. Column names are the JSON paths of the fields (<c>attestor.name</c>,
/// <c>cargo.quantity.value</c>; since v1.1 <c>cargo.owner.country</c>), matched case-sensitively after trimming.
/// Unknown top-level columns are ignored; a column naming an unknown field of a section (<c>voyage.dischargedate</c>,
/// or <c>cargo.owner.country</c> in a 1.0 row) is an UnknownField error in every row of a version whose fields are
/// known (1.0, 1.1: <see cref="KnownFields"/>) that fills it, and ignored in rows of later minor versions.</item>
/// <item>Lists are indexed columns: <c>ancillaryCosts[0].type</c>, <c>serviceProviders[1].country</c>. Any
/// indices, kept in order; an entry whose cells are all empty is absent, the others are numbered from 0 in errors.
/// fxRatesToUsd has one column per currency: <c>fxRatesToUsd.EUR</c>.</item>
/// <item>An empty cell is an absent field. Cell text follows the JSON reader's rules (<see cref="FieldParsers"/>):
/// numbers in JSON syntax with '.' as decimal separator, dates yyyy-MM-dd, booleans true/false (any case).</item>
/// <item>The delimiter is the comma, always; quoting follows RFC 4180 (quotes doubled inside quoted cells,
/// newlines allowed inside quoted cells). A UTF-8 byte order mark is accepted.</item>
/// </list>
/// File errors (no header, missing or duplicate columns, invalid UTF-8 or CSV, too large) give an element without a
/// document and stop the reading; rows already read stay valid results. Index is the data row, from 0.
/// </summary>
public static class AttestationCsvReader
{
    /// <summary>The columns of the fields every attestation must have: without one of them no row could be
    /// valid, so its absence is a file error named once rather than the same error on every row.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "schemaVersion", "attestationId",
        "attestor.name", "attestor.tier", "attestor.country", "attestor.signatory", "attestor.signedAt",
        "vessel.imo", "vessel.name", "vessel.flag",
        "voyage.loadPort", "voyage.loadingDate",
        "contract.reference", "contract.date",
        "cargo.product", "cargo.hsCode", "cargo.origin", "cargo.quantity.value", "cargo.quantity.unit",
        "price.value", "price.currency", "price.unit", "price.basis",
    ];

    private const int MaxRecordChars = 1024 * 1024;

    public static IEnumerable<ParsedAttestation> Read(Stream utf8Csv, ReaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(utf8Csv);
        ArgumentNullException.ThrowIfNull(limits);
        return ReadIterator(utf8Csv, limits);
    }

    private static IEnumerable<ParsedAttestation> ReadIterator(Stream stream, ReaderLimits limits)
    {
        if (stream.CanSeek && stream.Length - stream.Position > limits.MaxBytes)
        {
            yield return ParsedAttestation.Unreadable(ReadIssues.FileTooLarge(limits));
            yield break;
        }

        var start = new byte[4];
        var startLength = 0;
        int got;
        while (startLength < start.Length && (got = stream.Read(start, startLength, start.Length - startLength)) > 0)
            startLength += got;
        if (ReadIssues.ForeignByteOrderMark(start.AsSpan(0, startLength)) is { } foreign)
        {
            yield return ParsedAttestation.Unreadable(foreign);
            yield break;
        }

        using var limited = new SizeLimitedStream(new PrefixedStream(start.AsMemory(0, startLength), stream), limits.MaxBytes);
        using var text = new StreamReader(limited, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true,
            throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: false, bufferSize: 16 * 1024, leaveOpen: true);

        var csv = Open(text, out var openError);
        if (csv is null)
        {
            yield return ParsedAttestation.Unreadable(limited.Exceeded ? ReadIssues.FileTooLarge(limits) : openError!);
            yield break;
        }

        using (csv)
        {
            var plan = PlanColumns(csv, out var headerErrors);
            if (headerErrors.Count > 0)
            {
                yield return ParsedAttestation.Unreadable([.. headerErrors]);
                yield break;
            }

            var index = 0;
            var anyRow = false;
            while (true)
            {
                var more = TryRead(csv, out var readError);
                if (limited.Exceeded)
                    readError = ReadIssues.FileTooLarge(limits);
                if (readError is not null)
                {
                    yield return new ParsedAttestation(index, null, [readError]);
                    yield break;
                }
                if (!more)
                {
                    if (!anyRow)
                    {
                        yield return ParsedAttestation.Unreadable(ReadIssues.File(ErrorCodes.NotAnAttestation,
                            "The file has a header but no attestation rows."));
                    }
                    yield break;
                }
                if (IsBlank(csv))
                {
                    index++;
                    continue;
                }
                if (index >= limits.MaxAttestationsPerFile)
                {
                    yield return new ParsedAttestation(index, null, [ReadIssues.File(ErrorCodes.TooManyAttestations,
                        string.Create(CultureInfo.InvariantCulture,
                            $"The file holds more than {limits.MaxAttestationsPerFile} rows; the rest was not read."))]);
                    yield break;
                }
                anyRow = true;
                yield return ReadRow(index, csv, plan);
                index++;
            }
        }
    }

    private static ParsedAttestation ReadRow(int index, CsvDataReader csv, CsvColumnPlan plan)
    {
        var errors = new ReadErrors();
        if (HasCellsBeyondHeader(csv))
        {
            errors.Add(ReadIssues.File(ErrorCodes.InvalidCsv, string.Create(CultureInfo.InvariantCulture,
                $"The row has {csv.RowFieldCount} cells but the header only {csv.FieldCount}: a value holding a comma must be quoted.")));
        }
        AttestationDocument document = AttestationMapper.Map(new CsvFieldSource(plan, csv, "", errors));
        var version = KnownFields.IndexOf(document.SchemaVersion);
        if (version >= 0)
        {
            foreach (var (issue, ordinals) in plan.UnknownFields[version])
            {
                if (AnyFilled(csv, ordinals)) errors.Add(issue);
            }
        }
        return new ParsedAttestation(index, document, errors.ToList());
    }

    private static CsvDataReader? Open(TextReader text, out ValidationIssue? error)
    {
        error = null;
        try
        {
            return CsvDataReader.Create(text, new CsvDataReaderOptions
            {
                HasHeaders = true,
                Delimiter = ',',
                CsvStyle = CsvStyle.Standard,
                Comment = '\0',
                MaxBufferSize = MaxRecordChars,
                OwnsReader = false,
            });
        }
        catch (CsvMissingHeadersException)
        {
            error = ReadIssues.File(ErrorCodes.MissingColumns,
                "The file is empty: a CSV of attestations needs a header row naming its columns.");
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException or CsvRecordTooLargeException)
        {
            error = Describe(e);
        }
        return null;
    }

    private static bool TryRead(CsvDataReader csv, out ValidationIssue? error)
    {
        error = null;
        try
        {
            return csv.Read();
        }
        catch (Exception e) when (e is DecoderFallbackException or CsvFormatException or CsvRecordTooLargeException)
        {
            error = Describe(e);
            return false;
        }
    }

    private static ValidationIssue Describe(Exception e) => e switch
    {
        DecoderFallbackException => ReadIssues.File(ErrorCodes.InvalidEncoding,
            "The file is not valid UTF-8; reading stopped there."),
        CsvRecordTooLargeException => ReadIssues.File(ErrorCodes.InvalidCsv, string.Create(CultureInfo.InvariantCulture,
            $"A row is longer than {MaxRecordChars} characters (an unclosed quote?); reading stopped there.")),
        CsvFormatException f => ReadIssues.File(ErrorCodes.InvalidCsv, string.Create(CultureInfo.InvariantCulture,
            $"Malformed CSV in line {f.RowNumber} (a quote must open and close a whole cell, quotes inside doubled); reading stopped there.")),
        _ => ReadIssues.File(ErrorCodes.InvalidCsv, "Malformed CSV; reading stopped there."),
    };

    private static CsvColumnPlan PlanColumns(CsvDataReader csv, out List<ValidationIssue> errors)
    {
        errors = [];
        var plan = new CsvColumnPlan();
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var name = csv.GetName(i).Trim();
            if (name.Length == 0)
                continue;
            names.Add(name);
            for (var version = 0; version < KnownFields.Versions.Count; version++)
            {
                if (KnownFields.Versions[version].CheckColumn(name) is { } unknown) plan.AddUnknownField(version, unknown, i);
            }
            if (!plan.TryAdd(name, i))
            {
                errors.Add(new ValidationIssue(name, ErrorCodes.DuplicateColumn,
                    $"The column \"{name}\" appears more than once in the header."));
            }
        }

        var missing = RequiredColumns.Where(column => !names.Contains(column)).ToList();
        if (missing.Count > 0)
        {
            var message = $"The header lacks the required columns: {string.Join(", ", missing)}.{DelimiterHint(csv)}";
            errors.Add(ReadIssues.File(ErrorCodes.MissingColumns, message));
        }
        return plan;
    }

    /// <summary>A hint when the header looks written with another delimiter (a one-column header with ';' or tabs).</summary>
    private static string DelimiterHint(CsvDataReader csv)
    {
        if (csv.FieldCount != 1)
            return "";
        var header = csv.GetName(0);
        if (header.Contains(';', StringComparison.Ordinal))
            return " The header has semicolons but no commas: columns must be separated by commas.";
        if (header.Contains('\t', StringComparison.Ordinal))
            return " The header has tabs but no commas: columns must be separated by commas.";
        return "";
    }

    private static bool IsBlank(CsvDataReader csv) => csv.RowFieldCount <= 1 && csv.GetFieldSpan(0).IsEmpty;

    private static bool AnyFilled(CsvDataReader csv, List<int> ordinals)
    {
        foreach (var ordinal in ordinals)
        {
            if (ordinal < csv.RowFieldCount && !csv.GetFieldSpan(ordinal).IsWhiteSpace())
                return true;
        }
        return false;
    }

    private static bool HasCellsBeyondHeader(CsvDataReader csv)
    {
        for (var i = csv.FieldCount; i < csv.RowFieldCount; i++)
        {
            if (!csv.GetFieldSpan(i).IsEmpty)
                return true;
        }
        return false;
    }
}
