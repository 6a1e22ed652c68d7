namespace PriceCapAttest.Domain.Schedule;

/// <summary>What part of a cap schedule a <see cref="ScheduleChange"/> is about.</summary>
public enum ScheduleChangeKind
{
    Regime,
    Countries,
    ExportScope,
    Period,
    Transition,
    Licence,
    ConversionFactor,
}
