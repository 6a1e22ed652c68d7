namespace PriceCapAttest.Contracts;

/// <summary>
/// An RFC 9457 problem answer of the API, as a client reads it: type (<see cref="ProblemTypes"/>), title, status,
/// detail, instance, and <see cref="Errors"/> naming each invalid parameter (400 answers only; absent otherwise).
/// </summary>
public sealed record ProblemAnswer(string? Type, string? Title, int? Status, string? Detail, string? Instance, IReadOnlyList<FieldError>? Errors);

/// <summary>One invalid request parameter: its name (route, query or header) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
