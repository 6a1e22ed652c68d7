namespace PriceCapAttest.Domain.Evaluation;

/// <summary>The facts of a cargo that transition rules look at (dates at date level, UTC).</summary>
public sealed record CargoDates(DateOnly ContractDate, DateOnly LoadingDate, DateOnly? DischargeDate, string? DischargeCountry);
