using System.Collections.Frozen;
using System.Text.Json;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// The fields of attestation v1.0 inside its sections. A document that declares schemaVersion "1.0" and carries an
/// unknown field in a section (say "voyage.dischargedate") has a typo that would silently drop a fact, so it is
/// reported. Unknown top-level fields, and any unknown field of a later minor version, are ignored: later minor
/// versions must stay readable. The JSON Schema (docs/schema) draws the same line.
/// </summary>
internal static class KnownFields
{
    public const string StrictVersion = "1.0";

    private static readonly FrozenDictionary<string, FrozenSet<string>> BySection = new Dictionary<string, FrozenSet<string>>
    {
        ["attestor"] = Set("name", "tier", "country", "signatory", "signedAt"),
        ["vessel"] = Set("imo", "name", "flag"),
        ["voyage"] = Set("loadPort", "loadingDate", "dischargePort", "dischargeDate", "stsTransfer"),
        ["contract"] = Set("reference", "date"),
        ["cargo"] = Set("product", "hsCode", "grade", "origin", "quantity", "apiGravity", "densityKgM3"),
        ["cargo.quantity"] = Set("value", "unit"),
        ["price"] = Set("value", "currency", "unit", "basis"),
        ["ancillaryCosts"] = Set("type", "value", "currency", "unit", "description"),
        ["serviceProviders"] = Set("role", "name", "country"),
        ["exemption"] = Set("type", "reference"),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static void Check(JsonElement attestation, ReadErrors errors)
    {
        foreach (var section in attestation.EnumerateObject())
        {
            switch (section.Value.ValueKind)
            {
                case JsonValueKind.Object when BySection.ContainsKey(section.Name):
                    CheckObject(section.Value, section.Name, section.Name, errors);
                    break;
                case JsonValueKind.Array when BySection.ContainsKey(section.Name):
                    var index = 0;
                    foreach (var entry in section.Value.EnumerateArray())
                    {
                        if (entry.ValueKind == JsonValueKind.Object)
                            CheckObject(entry, section.Name, $"{section.Name}[{index}]", errors);
                        index++;
                    }

                    break;
            }
        }
    }

    /// <summary>The error for a CSV column naming an unknown field of a section (indices ignored), else null.</summary>
    public static ValidationIssue? CheckColumn(string path)
    {
        var lastDot = path.LastIndexOf('.');
        if (lastDot <= 0) return null;
        var section = StripIndices(path[..lastDot]);
        var field = path[(lastDot + 1)..];
        return BySection.TryGetValue(section, out var known) && !known.Contains(field)
            ? Unknown(path, section, field, known)
            : null;
    }

    private static string StripIndices(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        while (open >= 0)
        {
            var close = path.IndexOf(']', open);
            if (close < 0) break;
            path = path.Remove(open, close - open + 1);
            open = path.IndexOf('[', StringComparison.Ordinal);
        }

        return path;
    }

    private static void CheckObject(JsonElement value, string section, string path, ReadErrors errors)
    {
        var known = BySection[section];
        foreach (var property in value.EnumerateObject())
        {
            var nested = $"{section}.{property.Name}";
            if (property.Value.ValueKind == JsonValueKind.Object && BySection.ContainsKey(nested))
                CheckObject(property.Value, nested, $"{path}.{property.Name}", errors);
            if (!known.Contains(property.Name)) errors.Add(Unknown($"{path}.{property.Name}", section, property.Name, known));
        }
    }

    private static ValidationIssue Unknown(string path, string section, string field, FrozenSet<string> known)
    {
        var suggestion = known.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
        var hint = suggestion is null ? $" Known fields: {string.Join(", ", known.Order(StringComparer.Ordinal))}." : $" Did you mean '{suggestion}'?";
        return new ValidationIssue(path, ErrorCodes.UnknownField,
            $"'{field}' is not a field of {section} in attestation v{StrictVersion}, so its value would be lost.{hint}");
    }

    private static FrozenSet<string> Set(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);
}
