namespace PriceCapAttest.Api.Problems;

/// <summary>One invalid request parameter: its name (route, query, header or body) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
