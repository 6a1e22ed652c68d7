using System.Globalization;
using System.Text.Json.Nodes;

namespace PriceCapAttest.Cli.Tests.Schema;

/// <summary>
/// One change to a JSON document at a path such as <c>attestor.tier</c> or <c>ancillaryCosts[0].unit</c>: set a
/// value (parsed from JSON text) or, with <see cref="Remove"/>, delete the property.
/// </summary>
public sealed record DocumentMutation(string Path, string? JsonValue)
{
    public static DocumentMutation Remove(string path) => new(path, null);

    public static DocumentMutation Set(string path, string jsonValue) => new(path, jsonValue);

    public string ApplyTo(string document)
    {
        var root = JsonNode.Parse(document)!;
        var segments = Segments(Path);
        var parent = root;
        foreach (var segment in segments[..^1]) parent = Step(parent, segment);

        var last = segments[^1];
        if (last is int index)
        {
            if (JsonValue is null) parent.AsArray().RemoveAt(index);
            else parent.AsArray()[index] = JsonNode.Parse(JsonValue);
        }
        else
        {
            var name = (string)last;
            if (JsonValue is null) parent.AsObject().Remove(name);
            else parent.AsObject()[name] = JsonNode.Parse(JsonValue);
        }

        return root.ToJsonString();
    }

    public override string ToString() => JsonValue is null ? $"remove {Path}" : $"{Path} = {JsonValue}";

    private static JsonNode Step(JsonNode node, object segment) =>
        segment is int index ? node.AsArray()[index]! : node.AsObject()[(string)segment]!;

    private static object[] Segments(string path) =>
        [.. path.Split('.').SelectMany(part =>
        {
            var bracket = part.IndexOf('[', StringComparison.Ordinal);
            if (bracket < 0) return new object[] { part };
            var index = int.Parse(part[(bracket + 1)..^1], CultureInfo.InvariantCulture);
            return bracket == 0 ? [index] : [part[..bracket], index];
        })];
}
