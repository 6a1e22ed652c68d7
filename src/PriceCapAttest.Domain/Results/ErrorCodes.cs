namespace PriceCapAttest.Domain.Results;

/// <summary>Stable error codes; clients match on these, never on messages.</summary>
public static class ErrorCodes
{
    // Reading a file
    public const string FileTooLarge = nameof(FileTooLarge);
    public const string InvalidEncoding = nameof(InvalidEncoding);
    public const string InvalidJson = nameof(InvalidJson);
    public const string NestingTooDeep = nameof(NestingTooDeep);
    public const string NotAnAttestation = nameof(NotAnAttestation);
    public const string UnsupportedFileType = nameof(UnsupportedFileType);
    public const string MissingColumns = nameof(MissingColumns);
    public const string DuplicateColumn = nameof(DuplicateColumn);
    public const string InvalidCsv = nameof(InvalidCsv);
    public const string Unreadable = nameof(Unreadable);
    public const string TooManyAttestations = nameof(TooManyAttestations);

    // Fields
    public const string Required = nameof(Required);
    public const string WrongType = nameof(WrongType);
    public const string InvalidFormat = nameof(InvalidFormat);
    public const string TooLong = nameof(TooLong);
    public const string OutOfRange = nameof(OutOfRange);
    public const string UnknownValue = nameof(UnknownValue);
    public const string InvalidCheckDigit = nameof(InvalidCheckDigit);
    public const string InFuture = nameof(InFuture);
    public const string DateOrder = nameof(DateOrder);
    public const string HsCodeMismatch = nameof(HsCodeMismatch);
    public const string ConflictingFields = nameof(ConflictingFields);
    public const string MissingFxRate = nameof(MissingFxRate);
    public const string UnsupportedSchemaVersion = nameof(UnsupportedSchemaVersion);
    public const string DuplicateAttestationId = nameof(DuplicateAttestationId);
    public const string UnknownField = nameof(UnknownField);
}
