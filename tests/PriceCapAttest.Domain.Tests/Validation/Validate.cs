using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Tests.Reading;
using PriceCapAttest.Domain.Validation;

namespace PriceCapAttest.Domain.Tests.Validation;

/// <summary>Reads a test document and returns all its errors (reader's and validators').</summary>
internal static class Validate
{
    private static readonly DocumentValidator Validator = new(TestDocuments.Clock());

    public static IReadOnlyList<ValidationIssue> Json(JsonObject document) =>
        Validator.Validate(Assert.Single(Readers.Json(document.ToJsonString())));

    /// <summary>The document as a CSV row under a header that also has every column of the valid document (so
    /// that a field removed from the document is an empty cell, not a missing column).</summary>
    public static IReadOnlyList<ValidationIssue> Csv(JsonObject document) =>
        Validator.Validate(Readers.Csv(TestDocuments.ToCsv(document, TestDocuments.Crude()))[0]);

    public static IReadOnlyList<ValidationIssue> Parsed(ParsedAttestation parsed) => Validator.Validate(parsed);
}
