using PriceCapAttest.Domain;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Evaluation;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Tests.Evaluation;

/// <summary>
/// Valid documents for the evaluator, built in code: a Russian crude cargo loaded on 2026-03-10 at FOB, with
/// the attestor and flag outside the coalition, so each test engages exactly the regimes it names.
/// </summary>
internal static class Cargoes
{
    public static readonly CapSchedule Schedule = CapScheduleLoader.LoadDefault();

    public static AttestationEvaluator Evaluator(CheckOptions? options = null) => new(Schedule, options ?? CheckOptions.Default);

    public static AttestationDocument Crude(decimal price = 42.00m, string basis = "FOB", string unit = "bbl", params string[] providerCountries) => new()
    {
        SchemaVersion = "1.0",
        AttestationId = "ATT-TEST-1",
        Attestor = new Attestor
        {
            Name = "Gulf Trading FZE",
            Tier = 1,
            Country = "AE",
            Signatory = "A. Meyer",
            SignedAt = new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero),
        },
        Vessel = new Vessel { Imo = "9074729", Name = "NORDIC STAR", Flag = "LR" },
        Voyage = new Voyage { LoadPort = "RUPRI", LoadingDate = new DateOnly(2026, 3, 10), DischargePort = "INMUN", DischargeDate = new DateOnly(2026, 4, 5) },
        Contract = new ContractInfo { Reference = "C-1", Date = new DateOnly(2026, 2, 10) },
        Cargo = new Cargo
        {
            Product = "crude",
            HsCode = "2709.00",
            Grade = "Urals",
            Origin = "RU",
            Quantity = new Quantity { Value = 100_000m, Unit = "bbl" },
        },
        Price = new Price { Value = price, Currency = "USD", Unit = unit, Basis = basis },
        ServiceProviders = [.. providerCountries.Select((c, i) => new ServiceProvider { Role = "insurer", Name = $"Provider {i}", Country = c })],
    };

    public static AttestationDocument WithDates(this AttestationDocument d, string contract, string loaded, string? discharged) => d with
    {
        Contract = d.Contract! with { Date = DateOnly.Parse(contract, System.Globalization.CultureInfo.InvariantCulture) },
        Voyage = d.Voyage! with
        {
            LoadingDate = DateOnly.Parse(loaded, System.Globalization.CultureInfo.InvariantCulture),
            DischargeDate = discharged is null ? null : DateOnly.Parse(discharged, System.Globalization.CultureInfo.InvariantCulture),
        },
        Attestor = d.Attestor! with { SignedAt = new DateTimeOffset(DateOnly.Parse(contract, System.Globalization.CultureInfo.InvariantCulture), TimeOnly.MinValue, TimeSpan.Zero) },
    };

    public static AttestationDocument WithProduct(this AttestationDocument d, string product, string hsCode) =>
        d with { Cargo = d.Cargo! with { Product = product, HsCode = hsCode } };

    public static AttestationDocument WithCosts(this AttestationDocument d, params AncillaryCost[] costs) => d with { AncillaryCosts = costs };

    public static AncillaryCost Cost(string type, decimal value, string unit = "bbl", string currency = "USD") =>
        new() { Type = type, Value = value, Unit = unit, Currency = currency };

    public static Results.RegimeResult Regime(this EvaluationOutcome evaluation, string regime) =>
        evaluation.Regimes.Single(r => r.Regime == regime);
}
