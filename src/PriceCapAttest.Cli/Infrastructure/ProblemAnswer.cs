namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>What the CLI reads of an RFC 9457 problem answer of the API: title, detail and the invalid fields (400 only).</summary>
public sealed record ProblemAnswer(string? Type, string? Title, int? Status, string? Detail, IReadOnlyList<ProblemField>? Errors);

/// <summary>One invalid request parameter of a problem answer.</summary>
public sealed record ProblemField(string Field, string Message);
