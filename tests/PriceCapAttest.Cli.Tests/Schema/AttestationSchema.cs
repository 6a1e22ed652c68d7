using System.Text.Json;
using Json.Schema;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Schema;

/// <summary>docs/schema/attestation-v1.schema.json, loaded once, evaluated with format validation on.</summary>
public static class AttestationSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(RepoPaths.Schema)));

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.List,
        RequireFormatValidation = true,
    };

    public static (bool IsValid, string Errors) Evaluate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema.Value.Evaluate(document.RootElement, Options);
        var errors = results.IsValid
            ? ""
            : string.Join("\n", (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 })
                .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}")));
        return (results.IsValid, errors);
    }
}
