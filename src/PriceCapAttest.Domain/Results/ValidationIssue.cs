namespace PriceCapAttest.Domain.Results;

/// <summary>One error in a document: the JSON path of the field, a stable code, a message for the shipper.</summary>
public sealed record ValidationIssue(string Field, string Code, string Message);
