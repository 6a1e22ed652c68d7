using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text;
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

    private static readonly FrozenDictionary<string, Section> BySection = Sections(new Dictionary<string, string[]>
    {
        ["attestor"] = ["name", "tier", "country", "signatory", "signedAt"],
        ["vessel"] = ["imo", "name", "flag"],
        ["voyage"] = ["loadPort", "loadingDate", "dischargePort", "dischargeDate", "stsTransfer"],
        ["contract"] = ["reference", "date"],
        ["cargo"] = ["product", "hsCode", "grade", "origin", "quantity", "apiGravity", "densityKgM3"],
        ["cargo.quantity"] = ["value", "unit"],
        ["price"] = ["value", "currency", "unit", "basis"],
        ["ancillaryCosts"] = ["type", "value", "currency", "unit", "description"],
        ["serviceProviders"] = ["role", "name", "country"],
        ["exemption"] = ["type", "reference"],
    });

    private static readonly Section[] All = [.. BySection.Values];

    public static void Check(JsonElement attestation, ReadErrors errors)
    {
        foreach (var property in attestation.EnumerateObject())
        {
            var kind = property.Value.ValueKind;
            if (kind is not (JsonValueKind.Object or JsonValueKind.Array) || Find(All, property, byFullName: true) is not { } section)
                continue;
            if (kind == JsonValueKind.Object)
            {
                CheckObject(property.Value, section, new ObjectPath(section.Name), errors);
                continue;
            }

            var index = 0;
            foreach (var entry in property.Value.EnumerateArray())
            {
                if (entry.ValueKind == JsonValueKind.Object)
                    CheckObject(entry, section, new ObjectPath(section.Name, index), errors);
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
        foreach (var property in value.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object && Find(section.Nested, property, byFullName: false) is { } nested)
            {
                // The path of a section's own object is its name, and so the nested section's name is its path.
                var nestedPath = path.Index < 0 && path.Name == section.Name ? nested.Name : $"{path}.{property.Name}";
                CheckObject(property.Value, nested, new ObjectPath(nestedPath), errors);
            }

            if (!Matches(property, section.Utf8Fields, section.Fields))
            {
                var name = property.Name;
                errors.Add(Unknown($"{path}.{name}", section.Name, name, section.Fields));
            }
        }
    }

    /// <summary>The section the property names: by its full name (at the top level), or by its last segment (nested).</summary>
    private static Section? Find(Section[] sections, JsonProperty property, bool byFullName)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        var decoded = raw.Contains((byte)'\\') ? property.Name : null;
        foreach (var section in sections)
        {
            var (text, utf8) = byFullName ? (section.Name, section.Utf8Name) : (section.Field, section.Utf8Field);
            if (decoded is null ? raw.SequenceEqual(utf8) : decoded == text)
                return section;
        }
        return null;
    }

    /// <summary>
    /// True when the property's name is one of the names: compared as raw UTF-8 (the names are ASCII), unless the
    /// name holds an escape sequence, which only its decoded text can be compared by.
    /// </summary>
    private static bool Matches(JsonProperty property, byte[][] utf8Names, FrozenSet<string> names)
    {
        var raw = JsonMarshal.GetRawUtf8PropertyName(property);
        if (raw.Contains((byte)'\\'))
            return names.Contains(property.Name);
        foreach (var name in utf8Names)
        {
            if (raw.SequenceEqual(name))
                return true;
        }
        return false;
    }

    /// <summary>The sections by name, each with the sections nested in it (cargo.quantity in cargo).</summary>
    private static FrozenDictionary<string, Section> Sections(Dictionary<string, string[]> fields)
    {
        var sections = fields.ToDictionary(entry => entry.Key, entry => new Section(entry.Key, entry.Value), StringComparer.Ordinal);
        foreach (var (name, section) in sections)
        {
            var dot = name.LastIndexOf('.');
            if (dot > 0) sections[name[..dot]].Nested = [.. sections[name[..dot]].Nested, section];
        }
        return sections.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A section of the format: its known fields, and the sections nested in it.</summary>
    private sealed record Section(string Name, string[] FieldNames)
    {
        public FrozenSet<string> Fields { get; } = FieldNames.ToFrozenSet(StringComparer.Ordinal);

        public byte[][] Utf8Fields { get; } = [.. FieldNames.Select(Encoding.UTF8.GetBytes)];

        /// <summary>The last segment of the name: the field of the parent that holds this section.</summary>
        public string Field { get; } = Name[(Name.LastIndexOf('.') + 1)..];

        public byte[] Utf8Field { get; } = Encoding.UTF8.GetBytes(Name[(Name.LastIndexOf('.') + 1)..]);

        public byte[] Utf8Name { get; } = Encoding.UTF8.GetBytes(Name);

        public Section[] Nested { get; set; } = [];
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

}
