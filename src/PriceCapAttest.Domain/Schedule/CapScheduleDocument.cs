namespace PriceCapAttest.Domain.Schedule;

// The JSON shape of cap-schedule.json, read as is and then checked by CapScheduleBuilder.
internal sealed record CapScheduleDocument(
    string? Version,
    string? Description,
    List<RegimeEntry>? Regimes,
    List<ConversionFactorEntry>? ConversionFactors,
    List<PeriodEntry>? Periods,
    List<TransitionEntry>? Transitions,
    List<LicenceEntry>? Licences,
    System.Text.Json.JsonElement? Sakhalin2Windows);

internal sealed record RegimeEntry(
    string? Code, string? Name, string? Regulator, List<CountryGroupEntry>? Countries, ExportScopeEntry? CoversExportsFromRussia);

internal sealed record ExportScopeEntry(string? Instrument, string? Source);

internal sealed record CountryGroupEntry(List<string>? Codes, string? Basis, string? Source);

internal sealed record ConversionFactorEntry(string? Product, decimal? BblPerTonne, string? Status, string? Source, string? Note);

internal sealed record PeriodEntry(
    string? RuleId, string? Regime, string? Category, decimal? CapUsdPerBbl, DateOnly? From, DateOnly? To,
    DateOnly? KnownUntil, string? Instrument, string? Source, string? Status, string? Note);

internal sealed record TransitionEntry(
    string? Id, string? Regime, string? Category, string? FromRuleId, string? ToRuleId, List<TransitionRuleEntry>? Rules,
    string? Instrument, string? Source, string? Status, string? Note);

internal sealed record TransitionRuleEntry(DateOnly? ContractBefore, DateOnly? LoadedBefore, DateOnly? DischargedBy, string? DischargedIn, string? Status);

internal sealed record LicenceEntry(
    string? Id, string? Regime, string? Kind, string? Instrument, List<string>? Categories, List<string>? Products,
    DateOnly? LoadedFrom, DateOnly? LoadedBefore, DateOnly? DischargedBy, List<string>? DischargeCountries,
    bool? ClaimRequired, List<string>? References, string? Source, string? Status, string? Note);
