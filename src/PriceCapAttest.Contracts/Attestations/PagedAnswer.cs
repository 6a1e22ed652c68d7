namespace PriceCapAttest.Contracts;

/// <summary>One page of a list; <see cref="ContinuationToken"/> (opaque) asks for the next page, null on the last.</summary>
public sealed record PagedAnswer<T>(IReadOnlyList<T> Items, string? ContinuationToken);
