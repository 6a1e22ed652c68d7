using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Cli.Output;

/// <summary>The JSON shape of <c>pricecap schedule --audit --format json</c>.</summary>
public sealed record ScheduleAuditView(string ScheduleVersion, DateOnly Today, IReadOnlyList<ScheduleAuditEntry> Findings);

/// <summary>One finding: kind (unconfirmed, stale, unsourced, gap, noTransitionRules), the entry, and why.</summary>
public sealed record ScheduleAuditEntry(string Kind, string Entry, string Message)
{
    public static ScheduleAuditEntry Of(AuditFinding finding) =>
        new(char.ToLowerInvariant(finding.Kind.ToString()[0]) + finding.Kind.ToString()[1..], finding.Entry, finding.Message);

    public static string KindName(AuditKind kind) => kind switch
    {
        AuditKind.Stale => "Past their scheduled review, with no later period",
        AuditKind.Unconfirmed => "Unconfirmed (no source confirms the value)",
        AuditKind.Unsourced => "Without a source",
        AuditKind.Gap => "Gaps between periods",
        AuditKind.NoTransitionRules => "Changes of cap without transition rules (decided by loading date)",
        _ => kind.ToString(),
    };
}
