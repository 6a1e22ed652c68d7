using CsCheck;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Validation;

namespace PriceCapAttest.Domain.Tests.Validation;

/// <summary>The validator takes any document (any field null or odd) without throwing.</summary>
public class ValidatorProperties
{
    private static readonly DocumentValidator Validator = new(TestDocuments.Clock());

    private static readonly Gen<string?> Text = Gen.Frequency(
        (2, Gen.Const((string?)null)),
        (3, Gen.String.Select(s => (string?)s)),
        (2, Gen.OneOf<string?>("", " ", "USD", "EUR", "RU", "crude", "2709", "9074729", "1.0", "bbl", "lumpsum", "IMO 9074728")));

    private static readonly Gen<decimal?> Number = Gen.Frequency(
        (1, Gen.Const((decimal?)null)),
        (3, Gen.Decimal.Select(d => (decimal?)d)));

    private static readonly Gen<DateOnly?> Date = Gen.Frequency(
        (1, Gen.Const((DateOnly?)null)),
        (3, Gen.Int[0, 3_652_058].Select(d => (DateOnly?)DateOnly.FromDayNumber(d))));

    private static readonly Gen<AttestationDocument> Documents =
        from ids in Text.Array[2]
        from attestor in Gen.Select(Text, Gen.Int.Select(i => (int?)i), Text, Gen.Long.Select(t => (DateTimeOffset?)new DateTimeOffset(Math.Abs(t % DateTime.MaxValue.Ticks), TimeSpan.Zero)))
        from vessel in Text.Array[3]
        from dates in Date.Array[3]
        from cargo in Text.Array[5]
        from amounts in Number.Array[4]
        from costs in Gen.Select(Text, Number, Text, Text).Array[0, 3]
        from rates in Gen.Select(Gen.String, Number).Array[0, 3]
        select new AttestationDocument
        {
            SchemaVersion = ids[0],
            AttestationId = ids[1],
            Attestor = new Attestor { Name = attestor.Item1, Tier = attestor.Item2, Country = attestor.Item3, Signatory = attestor.Item1, SignedAt = attestor.Item4 },
            Vessel = new Vessel { Imo = vessel[0], Name = vessel[1], Flag = vessel[2] },
            Voyage = new Voyage { LoadPort = vessel[2], LoadingDate = dates[0], DischargeDate = dates[1], DischargePort = cargo[0] },
            Contract = new ContractInfo { Reference = ids[1], Date = dates[2] },
            Cargo = new Cargo { Product = cargo[0], HsCode = cargo[1], Origin = cargo[2], Quantity = new Quantity { Value = amounts[0], Unit = cargo[3] }, ApiGravity = amounts[1], DensityKgM3 = amounts[2] },
            Price = new Price { Value = amounts[3], Currency = cargo[4], Unit = cargo[3], Basis = cargo[4] },
            AncillaryCosts = [.. costs.Select(c => new AncillaryCost { Type = c.Item1, Value = c.Item2, Currency = c.Item3, Unit = c.Item4 })],
            FxRatesToUsd = rates.DistinctBy(r => r.Item1).ToDictionary(r => r.Item1, r => r.Item2),
            ServiceProviders = [.. costs.Select(c => new ServiceProvider { Role = c.Item1, Name = c.Item3, Country = c.Item4 })],
        };

    [Fact]
    public void Never_Throws_On_Any_Document() =>
        Documents.Sample(document => _ = Validator.Validate(new ParsedAttestation(0, document, [])), iter: 5_000);

    [Fact]
    public void Never_Throws_On_Empty_Sections() =>
        Gen.Int[0, 255].Sample(mask =>
        {
            var document = new AttestationDocument
            {
                Attestor = (mask & 1) != 0 ? new Attestor() : null,
                Vessel = (mask & 2) != 0 ? new Vessel() : null,
                Voyage = (mask & 4) != 0 ? new Voyage() : null,
                Contract = (mask & 8) != 0 ? new ContractInfo() : null,
                Cargo = (mask & 16) != 0 ? new Cargo { Quantity = new Quantity() } : null,
                Price = (mask & 32) != 0 ? new Price() : null,
                AncillaryCosts = (mask & 64) != 0 ? [new AncillaryCost()] : [],
                Exemption = (mask & 128) != 0 ? new Exemption() : null,
            };
            Assert.NotEmpty(Validator.Validate(new ParsedAttestation(0, document, [])));
        }, iter: 1_000);
}
