using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;
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

    private static readonly FrozenDictionary<string, Section> BySection = new Dictionary<string, FrozenSet<string>>
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
    }.ToFrozenDictionary(entry => entry.Key, entry => new Section(entry.Key, entry.Value), StringComparer.Ordinal);

    /// <summary>Longest field name compared without allocating; longer (or escaped) names are decoded to a string.</summary>
    private const int MaxNameChars = 64;

    private static readonly FrozenDictionary<string, Section>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        BySection.GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Check(JsonElement attestation, ReadErrors errors)
    {
        Span<char> buffer = stackalloc char[MaxNameChars];
        foreach (var section in attestation.EnumerateObject())
        {
            var kind = section.Value.ValueKind;
            if (kind is not (JsonValueKind.Object or JsonValueKind.Array)
                || !BySpan.TryGetValue(NameOf(section, buffer), out var known))
                continue;
            if (kind == JsonValueKind.Object)
            {
                CheckObject(section.Value, known, new ObjectPath(known.Name), errors);
                continue;
            }

            var index = 0;
            foreach (var entry in section.Value.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object)
                    CheckObject(entry, known, new ObjectPath(known.Name, index), errors);
                index++;
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
        return BySection.TryGetValue(section, out var known) && !known.Fields.Contains(field)
            ? Unknown(path, section, field, known.Fields)
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

    private static void CheckObject(JsonElement value, Section section, ObjectPath path, ReadErrors errors)
    {
        Span<char> buffer = stackalloc char[MaxNameChars];
        foreach (var property in value.EnumerateObject())
        {
            var field = NameOf(property, buffer);
            if (property.Value.ValueKind == JsonValueKind.Object
                && BySpan.TryGetValue(string.Concat(section.Name, ".", field), out var nested))
            {
                // The path of a section's own object is its name, and so the nested section's name is its path.
                var nestedPath = path.Index < 0 && path.Name == section.Name ? nested.Name : $"{path}.{field}";
                CheckObject(property.Value, nested, new ObjectPath(nestedPath), errors);
            }

            if (!section.FieldsBySpan.Contains(field))
            {
                var name = field.ToString();
                errors.Add(Unknown($"{path}.{name}", section.Name, name, section.Fields));
            }
        }
    }

    /// <summary>The property's name, decoded into <paramref name="buffer"/> when it is short and unescaped (nearly always).</summary>
    private static ReadOnlySpan<char> NameOf(JsonProperty property, Span<char> buffer)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        return raw.Length <= buffer.Length && !raw.Contains((byte)'\\')
            && Utf8.ToUtf16(raw, buffer, out _, out var written) == OperationStatus.Done
            ? buffer[..written]
            : property.Name;
    }

    private sealed record Section(string Name, FrozenSet<string> Fields)
    {
        public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FieldsBySpan { get; } = Fields.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The JSON path of an object: a section's name, or an entry <c>name[index]</c> of a list.</summary>
    private readonly record struct ObjectPath(string Name, int Index = -1)
    {
        public override string ToString() =>
            Index < 0 ? Name : string.Create(CultureInfo.InvariantCulture, $"{Name}[{Index}]");
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
