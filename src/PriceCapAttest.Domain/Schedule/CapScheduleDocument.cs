namespace PriceCapAttest.Domain.Schedule;

// The JSON shape of cap-schedule.json, read as is and then checked by CapScheduleLoader.
internal sealed record CapScheduleDocument(
    string? Version,
    string? Description,
    List<RegimeEntry>? Regimes,
    List<ConversionFactorEntry>? ConversionFactors,
    List<PeriodEntry>? Periods,
    List<TransitionEntry>? Transitions,
    List<Sakhalin2WindowEntry>? Sakhalin2Windows);

internal sealed record RegimeEntry(string? Code, string? Name, string? Regulator, List<string>? Countries);

internal sealed record ConversionFactorEntry(string? Product, decimal? BblPerTonne, string? Status, string? Source);

internal sealed record PeriodEntry(
    string? RuleId, string? Regime, string? Category, decimal? CapUsdPerBbl, DateOnly? From, DateOnly? To,
    string? Instrument, string? Source, string? Status, string? Note);

internal sealed record TransitionEntry(
    string? Id, string? Regime, string? Category, string? FromRuleId, string? ToRuleId, List<TransitionRuleEntry>? Rules,
    string? Instrument, string? Source, string? Status, string? Note);

internal sealed record TransitionRuleEntry(DateOnly? ContractBefore, DateOnly? LoadedBefore, DateOnly? DischargedBy, string? DischargedIn);

internal sealed record Sakhalin2WindowEntry(
    string? Regime, DateOnly? From, DateOnly? To, string? Instrument, string? Source, string? Status);
