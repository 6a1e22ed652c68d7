namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// A fleet replacement that lost to other replacements of the same fleet on every attempt; nothing of it was
/// written. The HTTP adapters answer 409: the caller reads the fleet again and retries.
/// </summary>
public sealed class FleetConflictException : Exception
{
    public FleetConflictException(string insurerId, int attempts)
        : base($"The fleet of '{insurerId}' changed concurrently on each of {attempts} attempts; read it again and retry.") { }

    public FleetConflictException() : base("The fleet changed concurrently.") { }

    public FleetConflictException(string message) : base(message) { }

    public FleetConflictException(string message, Exception innerException) : base(message, innerException) { }
}
