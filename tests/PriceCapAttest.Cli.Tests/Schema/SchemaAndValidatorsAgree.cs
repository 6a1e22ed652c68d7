using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Tests.Schema;

/// <summary>
/// The JSON Schema and the Domain validators agree: documents with one fault each are refused by both (and the
/// checker names the faulty field); valid documents are accepted by both. Rules the schema cannot express are
/// listed apart (<see cref="Rules_The_Schema_Cannot_Express_Are_Left_To_The_Checker"/>).
/// </summary>
public sealed class SchemaAndValidatorsAgree
{
    private static readonly string Base = File.ReadAllText(RepoPaths.Sample("json/violation-cif.json"));

    // The sample as a 1.1 document, with the fields 1.1 adds: the owner of the oil and a general licence.
    private static readonly string Base11 = new[]
    {
        DocumentMutation.Set("schemaVersion", "\"1.1\""),
        DocumentMutation.Set("cargo.owner", """{ "country": "AE" }"""),
        DocumentMutation.Set("exemption", """{ "type": "general_licence", "reference": "GL 134" }"""),
    }.Aggregate(Base, (doc, m) => m.ApplyTo(doc));

    // One fault each; the second value is the field the checker must name.
    public static TheoryData<DocumentMutation, string> InvalidDocuments => new()
    {
        { DocumentMutation.Remove("schemaVersion"), "schemaVersion" },
        { DocumentMutation.Set("schemaVersion", "\"2.0\""), "schemaVersion" },
        { DocumentMutation.Set("attestationId", "\"ATT 2026/0102\""), "attestationId" },
        { DocumentMutation.Set("attestationId", $"\"{new string('A', 65)}\""), "attestationId" },
        { DocumentMutation.Remove("attestor.name"), "attestor.name" },
        { DocumentMutation.Set("attestor.name", $"\"{new string('n', 201)}\""), "attestor.name" },
        { DocumentMutation.Set("attestor.tier", "4"), "attestor.tier" },
        { DocumentMutation.Set("attestor.tier", "\"one\""), "attestor.tier" },
        { DocumentMutation.Set("attestor.country", "\"ae\""), "attestor.country" },
        { DocumentMutation.Set("attestor.country", "\"XK\""), "attestor.country" },
        { DocumentMutation.Set("attestor.signedAt", "\"next tuesday\""), "attestor.signedAt" },
        { DocumentMutation.Remove("attestor.signatory"), "attestor.signatory" },
        { DocumentMutation.Set("vessel.imo", "\"907472\""), "vessel.imo" },
        { DocumentMutation.Set("vessel.name", "\"\""), "vessel.name" },
        { DocumentMutation.Set("vessel.name", "\"=HYPERLINK(\\\"http://x\\\",\\\"y\\\")\""), "vessel.name" },
        { DocumentMutation.Set("attestor.name", "\"Aegean\\r\\nEnergy\""), "attestor.name" },
        { DocumentMutation.Set("vessel.flag", "\"LBR\""), "vessel.flag" },
        { DocumentMutation.Set("voyage.loadPort", "\"RU-PRI\""), "voyage.loadPort" },
        { DocumentMutation.Set("voyage.dischargePort", "\"INMU1\""), "voyage.dischargePort" },
        { DocumentMutation.Set("voyage.dischargePort", "\"XXMUN\""), "voyage.dischargePort" },
        { DocumentMutation.Remove("voyage.loadingDate"), "voyage.loadingDate" },
        { DocumentMutation.Set("voyage.loadingDate", "\"2026-02-30\""), "voyage.loadingDate" },
        { DocumentMutation.Set("voyage.stsTransfer", "\"yes\""), "voyage.stsTransfer" },
        { DocumentMutation.Remove("contract.reference"), "contract.reference" },
        { DocumentMutation.Set("contract.date", "\"15/02/2026\""), "contract.date" },
        { DocumentMutation.Set("cargo.product", "\"condensate\""), "cargo.product" },
        { DocumentMutation.Set("cargo.hsCode", "\"27\""), "cargo.hsCode" },
        { DocumentMutation.Set("cargo.hsCode", "\"2710.19\""), "cargo.hsCode" },
        { DocumentMutation.Set("cargo.origin", "\"Russia\""), "cargo.origin" },
        { DocumentMutation.Set("cargo.quantity.value", "0"), "cargo.quantity.value" },
        { DocumentMutation.Set("cargo.quantity.unit", "\"kg\""), "cargo.quantity.unit" },
        { DocumentMutation.Set("cargo.apiGravity", "120"), "cargo.apiGravity" },
        { DocumentMutation.Set("cargo.densityKgM3", "500"), "cargo.densityKgM3" },
        { DocumentMutation.Remove("price"), "price" },
        { DocumentMutation.Set("price.value", "-1"), "price.value" },
        { DocumentMutation.Set("price.value", "\"52.00\""), "price.value" },
        { DocumentMutation.Set("price.currency", "\"usd\""), "price.currency" },
        { DocumentMutation.Set("ancillaryCosts[0].currency", "\"ABC\""), "ancillaryCosts[0].currency" },
        { DocumentMutation.Set("price.unit", "\"gal\""), "price.unit" },
        { DocumentMutation.Set("price.basis", "\"FAS\""), "price.basis" },
        { DocumentMutation.Set("ancillaryCosts[0].type", "\"demurrage\""), "ancillaryCosts[0].type" },
        { DocumentMutation.Set("ancillaryCosts[0].value", "-5"), "ancillaryCosts[0].value" },
        { DocumentMutation.Set("ancillaryCosts[1].unit", "\"day\""), "ancillaryCosts[1].unit" },
        { DocumentMutation.Set("serviceProviders[0].role", "\"bank\""), "serviceProviders[0].role" },
        { DocumentMutation.Remove("serviceProviders[0].country"), "serviceProviders[0].country" },
        { DocumentMutation.Remove("serviceProviders[0].name"), "serviceProviders[0].name" },
        { DocumentMutation.Set("fxRatesToUsd", """{ "eur": 1.08 }"""), "fxRatesToUsd.eur" },
        { DocumentMutation.Set("exemption", """{ "type": "gl55", "reference": "x" }"""), "exemption.type" },
        { DocumentMutation.Set("price.currency", "\"EUR\""), "fxRatesToUsd.EUR" },
        { DocumentMutation.Set("cargo.owner", """{ "country": "AE" }"""), "cargo.owner" },
        { DocumentMutation.Set("exemption", """{ "type": "general_licence", "reference": "GL 134" }"""), "exemption.type" },
    };

    // One fault each in the 1.1 document.
    public static TheoryData<DocumentMutation, string> InvalidVersion11Documents => new()
    {
        { DocumentMutation.Set("cargo.owner.country", "\"ae\""), "cargo.owner.country" },
        { DocumentMutation.Set("cargo.owner.country", "\"XK\""), "cargo.owner.country" },
        { DocumentMutation.Remove("cargo.owner.country"), "cargo.owner.country" },
        { DocumentMutation.Set("cargo.owner.countyr", "\"AE\""), "cargo.owner.countyr" },
        { DocumentMutation.Set("cargo.owner", "\"AE\""), "cargo.owner" },
        { DocumentMutation.Set("voyage.dischargedate", "\"2026-04-05\""), "voyage.dischargedate" },
        { DocumentMutation.Set("exemption.type", "\"general_license\""), "exemption.type" },
        { DocumentMutation.Remove("exemption.reference"), "exemption.reference" },
        { DocumentMutation.Set("exemption.reference", "null"), "exemption.reference" },
        { DocumentMutation.Set("exemption.reference", "\"  \""), "exemption.reference" },
    };

    public static TheoryData<string, DocumentMutation[]> ValidVersion11Documents => new()
    {
        { "the 1.1 document as is", [] },
        { "no owner", [DocumentMutation.Remove("cargo.owner")] },
        { "owner null", [DocumentMutation.Set("cargo.owner", "null")] },
        { "a Sakhalin-2 exemption claim without a reference", [DocumentMutation.Set("exemption", """{ "type": "sakhalin2" }""")] },
        { "a later minor version with the 1.1 fields", [DocumentMutation.Set("schemaVersion", "\"1.2\"")] },
    };

    public static TheoryData<string, DocumentMutation[]> ValidDocuments => new()
    {
        { "the sample as is", [] },
        { "IMO written with its prefix", [DocumentMutation.Set("vessel.imo", "\"IMO 9074729\"")] },
        { "IMO prefix in lower case, without a space", [DocumentMutation.Set("vessel.imo", "\"imo9074729\"")] },
        { "schema version 1.01", [DocumentMutation.Set("schemaVersion", "\"1.01\"")] },
        { "a ship-to-ship location in international waters", [DocumentMutation.Set("voyage.dischargePort", "\"XZSTS\"")] },
        { "a later minor version with an unknown top-level field", [DocumentMutation.Set("schemaVersion", "\"1.1\""), DocumentMutation.Set("remarks", "\"free text\"")] },
        { "optional fields left out", [DocumentMutation.Remove("voyage.dischargePort"), DocumentMutation.Remove("voyage.dischargeDate"), DocumentMutation.Remove("voyage.stsTransfer"), DocumentMutation.Remove("serviceProviders"), DocumentMutation.Remove("cargo.grade")] },
        { "density instead of API gravity, price per tonne", [DocumentMutation.Set("cargo.densityKgM3", "862.5"), DocumentMutation.Set("price.unit", "\"t\"")] },
        { "a price in EUR with its rate", [DocumentMutation.Set("price.currency", "\"EUR\""), DocumentMutation.Set("fxRatesToUsd", """{ "EUR": 1.08 }""")] },
        { "an HS code with spaces", [DocumentMutation.Set("cargo.hsCode", "\"2709 00 10\"")] },
        { "tier 3 attestor signed with an offset", [DocumentMutation.Set("attestor.tier", "3"), DocumentMutation.Set("attestor.signedAt", "\"2026-03-09T11:00:00+02:00\"")] },
        { "optional fields null", [DocumentMutation.Set("voyage.dischargeDate", "null"), DocumentMutation.Set("voyage.dischargePort", "null"), DocumentMutation.Set("voyage.stsTransfer", "null"), DocumentMutation.Set("cargo.grade", "null"), DocumentMutation.Set("exemption", "null"), DocumentMutation.Set("ancillaryCosts[2].description", "null")] },
        { "a Sakhalin-2 exemption claim", [DocumentMutation.Set("exemption", """{ "type": "sakhalin2", "reference": "GL 55E" }""")] },
    };

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Invalid_Documents_Are_Refused_By_Both(DocumentMutation mutation, string field)
    {
        var document = mutation.ApplyTo(Base);

        var (schemaValid, _) = AttestationSchema.Evaluate(document);
        var result = Assert.Single(Checker.CheckJson(document));

        Assert.False(schemaValid, $"the schema accepted: {mutation}");
        Assert.Equal(Verdict.Rejected, result.Verdict);
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Theory]
    [MemberData(nameof(ValidDocuments))]
    public void Valid_Documents_Are_Accepted_By_Both(string description, DocumentMutation[] mutations)
    {
        var document = mutations.Aggregate(Base, (doc, m) => m.ApplyTo(doc));

        var (schemaValid, errors) = AttestationSchema.Evaluate(document);
        var result = Assert.Single(Checker.CheckJson(document));

        Assert.True(schemaValid, $"{description}: {errors}");
        Assert.True(result.Verdict != Verdict.Rejected, $"{description}: {string.Join("; ", result.Errors)}");
    }

    [Theory]
    [MemberData(nameof(InvalidVersion11Documents))]
    public void Invalid_Version_1_1_Documents_Are_Refused_By_Both(DocumentMutation mutation, string field)
    {
        var document = mutation.ApplyTo(Base11);

        var (schemaValid, _) = AttestationSchema.Evaluate(document);
        var result = Assert.Single(Checker.CheckJson(document));

        Assert.False(schemaValid, $"the schema accepted: {mutation}");
        Assert.Equal(Verdict.Rejected, result.Verdict);
        Assert.Contains(result.Errors, e => e.Field == field);
    }

    [Theory]
    [MemberData(nameof(ValidVersion11Documents))]
    public void Valid_Version_1_1_Documents_Are_Accepted_By_Both(string description, DocumentMutation[] mutations)
    {
        var document = mutations.Aggregate(Base11, (doc, m) => m.ApplyTo(doc));

        var (schemaValid, errors) = AttestationSchema.Evaluate(document);
        var result = Assert.Single(Checker.CheckJson(document));

        Assert.True(schemaValid, $"{description}: {errors}");
        Assert.True(result.Verdict != Verdict.Rejected, $"{description}: {string.Join("; ", result.Errors)}");
    }

    [Fact]
    public void A_Batch_Is_Accepted_By_Both()
    {
        var second = DocumentMutation.Set("attestationId", "\"ATT-2026-0199\"").ApplyTo(Base);
        var batch = $$"""{ "attestations": [ {{Base}}, {{second}} ] }""";

        Assert.True(AttestationSchema.Evaluate(batch).IsValid);
        Assert.All(Checker.CheckJson(batch), r => Assert.NotEqual(Verdict.Rejected, r.Verdict));
    }

    [Fact]
    public void A_Batch_With_A_Bad_Attestation_Is_Refused_By_The_Schema_While_The_Checker_Checks_The_Others()
    {
        var bad = DocumentMutation.Set("vessel.flag", "\"lr\"").ApplyTo(Base);
        var batch = $$"""{ "attestations": [ {{Base}}, {{bad}} ] }""";

        Assert.False(AttestationSchema.Evaluate(batch).IsValid);
        var results = Checker.CheckJson(batch);
        Assert.NotEqual(Verdict.Rejected, results[0].Verdict);
        Assert.Equal(Verdict.Rejected, results[1].Verdict);
    }

    // Deliberate differences, kept visible: the schema refuses unknown nested properties in every 1.x document,
    // where the checker refuses them only in the versions it knows, 1.0 and 1.1 (a later minor version may add
    // fields and must stay readable); JSON Schema counts 1.0 as an integer, the checker does not.
    [Fact]
    public void Known_Differences_Stay_As_Documented()
    {
        var unknownNested = DocumentMutation.Set("voyage.dischargedate", "\"2026-04-05\"").ApplyTo(Base);
        Assert.False(AttestationSchema.Evaluate(unknownNested).IsValid);
        var rejected = Assert.Single(Checker.CheckJson(unknownNested));
        Assert.Equal(Verdict.Rejected, rejected.Verdict);
        Assert.Contains(rejected.Errors, e => e.Field == "voyage.dischargedate" && e.Code == "UnknownField" && e.Message.Contains("dischargeDate", StringComparison.Ordinal));

        var knownMinor = DocumentMutation.Set("schemaVersion", "\"1.1\"").ApplyTo(unknownNested);
        Assert.False(AttestationSchema.Evaluate(knownMinor).IsValid);
        Assert.Equal(Verdict.Rejected, Assert.Single(Checker.CheckJson(knownMinor)).Verdict);

        var laterMinor = DocumentMutation.Set("schemaVersion", "\"1.2\"").ApplyTo(unknownNested);
        Assert.False(AttestationSchema.Evaluate(laterMinor).IsValid);
        Assert.NotEqual(Verdict.Rejected, Assert.Single(Checker.CheckJson(laterMinor)).Verdict);

        var fractionalTier = DocumentMutation.Set("attestor.tier", "1.0").ApplyTo(Base);
        Assert.True(AttestationSchema.Evaluate(fractionalTier).IsValid);
        Assert.Equal(Verdict.Rejected, Assert.Single(Checker.CheckJson(fractionalTier)).Verdict);
    }

    [Fact]
    public void The_Schema_Lists_The_Same_Country_And_Currency_Codes_As_The_Validators()
    {
        using var schema = System.Text.Json.JsonDocument.Parse(File.ReadAllText(RepoPaths.Schema));
        var defs = schema.RootElement.GetProperty("$defs");
        string[] Enum(string name) => [.. defs.GetProperty(name).GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal)];

        Assert.Equal(Domain.Validation.IsoCountries.Alpha2.Order(StringComparer.Ordinal), Enum("countryCode"));
        Assert.Equal(Domain.Validation.IsoCurrencies.Alpha3.Order(StringComparer.Ordinal), Enum("currencyCode"));
    }

    // Outside the agreement set on purpose: the schema accepts these; only the checker can refuse them.
    public static TheoryData<string, DocumentMutation[], string> BeyondTheSchema => new()
    {
        { "IMO check digit", [DocumentMutation.Set("vessel.imo", "\"9074728\"")], "vessel.imo" },
        { "contract after loading", [DocumentMutation.Set("contract.date", "\"2026-03-11\"")], "contract.date" },
        { "discharge before loading", [DocumentMutation.Set("voyage.dischargeDate", "\"2026-03-09\"")], "voyage.dischargeDate" },
        { "signed in the future", [DocumentMutation.Set("attestor.signedAt", "\"2027-01-01T00:00:00Z\"")], "attestor.signedAt" },
        { "a cost currency without its rate", [DocumentMutation.Set("ancillaryCosts[0].currency", "\"GBP\""), DocumentMutation.Set("fxRatesToUsd", """{ "EUR": 1.08 }""")], "fxRatesToUsd" },
    };

    [Theory]
    [MemberData(nameof(BeyondTheSchema))]
    public void Rules_The_Schema_Cannot_Express_Are_Left_To_The_Checker(string rule, DocumentMutation[] mutations, string field)
    {
        var document = mutations.Aggregate(Base, (doc, m) => m.ApplyTo(doc));

        Assert.True(AttestationSchema.Evaluate(document).IsValid, rule);
        var result = Assert.Single(Checker.CheckJson(document));
        Assert.Equal(Verdict.Rejected, result.Verdict);
        Assert.Contains(result.Errors, e => e.Field.StartsWith(field, StringComparison.Ordinal));
    }
}
