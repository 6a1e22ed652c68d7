namespace PriceCapAttest.Pipeline.Queries;

/// <summary>
/// Bad input to a query (an IMO without a valid check digit, a date that is not ISO yyyy-MM-dd, an unknown
/// regime, a foreign continuation token...). The HTTP adapters turn it into 400 problem+json with
/// <see cref="Field"/> as the invalid parameter and the message as detail; nothing else the query services throw
/// is the caller's fault. "Not found" is a null answer, not an exception.
/// </summary>
public sealed class InvalidQueryException : Exception
{
    public InvalidQueryException(string field, string message) : base(message) => Field = field;

    public InvalidQueryException() : this("", "Invalid query.") { }

    public InvalidQueryException(string message) : this("", message) { }

    public InvalidQueryException(string message, Exception innerException) : base(message, innerException) => Field = "";

    public string Field { get; } = "";
}
