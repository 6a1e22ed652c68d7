namespace PriceCapAttest.Domain.Schedule;

/// <summary>What <c>pricecap schedule --audit</c> lists about an entry of a valid schedule (none of it refuses the schedule).</summary>
public enum AuditKind
{
    /// <summary>A value no source confirmed (status unconfirmed).</summary>
    Unconfirmed,

    /// <summary>A cap whose scheduled review has passed without a later period.</summary>
    Stale,

    /// <summary>An entry without a source or instrument.</summary>
    Unsourced,

    /// <summary>Loading dates between two periods of a regime and category that no cap covers.</summary>
    Gap,

    /// <summary>A change of cap decided by loading date alone (no transition rules in the schedule).</summary>
    NoTransitionRules,
}

/// <summary>One line of the audit: its kind, the entry it concerns (rule id, licence id, ...) and why.</summary>
public sealed record AuditFinding(AuditKind Kind, string Entry, string Message);
