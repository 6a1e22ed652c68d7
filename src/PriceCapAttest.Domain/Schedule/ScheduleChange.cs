using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

public enum ScheduleChangeKind { Regime, Countries, ExportScope, Period, Transition, Licence, ConversionFactor }

public sealed record ScheduleChange(ScheduleChangeKind Kind, string Subject, string? Regime, ProductCategory? Category,
    string? Product, DateOnly From, DateOnly To, string Description);

public static class ScheduleDiff
{
    public static IReadOnlyList<ScheduleChange> Between(CapSchedule older, CapSchedule newer) =>
        older.Version == newer.Version ? [] :
        [new ScheduleChange(ScheduleChangeKind.Period, "x", null, null, null, DateOnly.MinValue, DateOnly.MaxValue, "stub")];
}
