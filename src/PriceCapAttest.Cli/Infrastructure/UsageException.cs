namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>A problem with what the user asked for (a missing path, a bad schedule file): exit code 1, message on stderr.</summary>
public sealed class UsageException : Exception
{
    public UsageException() { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Extra lines shown under the message (for example every problem of a refused cap schedule).</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
