using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// docs/openapi.json (generated from the routes), read once: its paths and operations, and its component schemas as JSON Schema 2020-12
/// (OpenAPI 3.1 schemas are JSON Schema; the component references are turned into <c>$defs</c> references).
/// </summary>
internal static class OpenApiDocument
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        JsonNode.Parse(File.ReadAllText(BuildInfo.RepositoryFile("docs/openapi.json")))!.AsObject());

    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    public static JsonObject Root => Document.Value;

    /// <summary>Every keyed (path, method) of the document, the path under /api, e.g. ("/violations", "get").</summary>
    public static IReadOnlyList<(string Path, string Method)> Operations =>
        [.. Root["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Where(m => m.Value!["security"] is not null).Select(m => (p.Key[Prefix.Length..], m.Key)))];

    public static JsonObject Operation(string path, string method) => Root["paths"]![Prefix + path]![method]!.AsObject();

    private const string Prefix = "/api";

    /// <summary>The component name of the schema documented for a status and media type of an operation.</summary>
    public static string ResponseSchemaName(string path, string method, int status, string mediaType)
    {
        var response = Operation(path, method)["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!;
        if (response["$ref"] is { } reference)
        {
            response = Root["components"]!["responses"]![reference.GetValue<string>().Split('/').Last()]!;
        }

        var schemaRef = response["content"]![mediaType]!["schema"]!["$ref"]!.GetValue<string>();
        return schemaRef.Split('/').Last();
    }

    /// <summary>Checks <paramref name="json"/> against a component schema; the message lists every violation.</summary>
    public static (bool Valid, string Errors) Validate(string componentName, string json)
    {
        var schema = Schemas.GetOrAdd(componentName, Build);
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return (true, "");
        }

        var errors = (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"));
        return (false, string.Join(Environment.NewLine, errors));
    }

    private static JsonSchema Build(string componentName)
    {
        var definitions = Root["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        var text = $$"""
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "$id": "https://pricecapattest.test/openapi/{{componentName}}",
              "$ref": "#/$defs/{{componentName}}",
              "$defs": {{definitions}}
            }
            """;
        return JsonSchema.FromText(text);
    }
}
