namespace PriceCapAttest.Domain.Schedule;

/// <summary>A cap schedule that was refused, with every problem found (a schedule is never half loaded).</summary>
public sealed class InvalidCapScheduleException : Exception
{
    public InvalidCapScheduleException(IReadOnlyList<string> problems)
        : base("The cap schedule was refused: " + string.Join("; ", problems)) => Problems = problems;

    public InvalidCapScheduleException() : this(["unknown problem"]) { }

    public InvalidCapScheduleException(string message) : this([message]) { }

    public InvalidCapScheduleException(string message, Exception innerException)
        : base("The cap schedule was refused: " + message, innerException) => Problems = [message];

    public IReadOnlyList<string> Problems { get; } = [];
}
