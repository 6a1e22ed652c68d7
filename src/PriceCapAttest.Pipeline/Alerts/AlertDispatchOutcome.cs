namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>What one <see cref="AlertDispatcher.DispatchAsync"/> call did with its message.</summary>
public enum AlertDispatchOutcome
{
    /// <summary>Every endpoint of the regime has the alert.</summary>
    Delivered,

    /// <summary>Some endpoint failed; the next round is queued with a visibility delay.</summary>
    RetryScheduled,

    /// <summary>The last round failed (or no endpoint is configured): status Failed, message in the poison queue.</summary>
    Failed,

    /// <summary>The alert was already Delivered or Failed: a redelivered message, nothing sent.</summary>
    AlreadySettled,

    /// <summary>A stale or concurrent copy of a round that another message already runs: nothing sent.</summary>
    Duplicate,

    /// <summary>The body is not an alert message: moved to the poison queue as it is.</summary>
    Unreadable,
}
