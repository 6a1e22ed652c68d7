namespace PriceCapAttest.Contracts;

/// <summary>
/// An RFC 9457 problem: type (<see cref="ProblemTypes"/>), title, status, detail, instance, plus
/// <see cref="Errors"/> naming each invalid parameter (empty unless the request had invalid input).
/// </summary>
public sealed record ProblemDetails(string Type, string Title, int Status, string Detail, string Instance, IReadOnlyList<FieldError> Errors);

/// <summary>One invalid request parameter: its name (route, query or header) and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
