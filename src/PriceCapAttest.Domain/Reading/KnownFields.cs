using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// The fields inside the sections of each attestation version this reader knows: v1.0, and v1.1, which adds
/// <c>cargo.owner</c> (with <c>country</c>). A document that declares a known version and carries an unknown field in
/// a section (say "voyage.dischargedate") has a typo that would silently drop a fact, so it is reported; so is a field
/// of a later version in a document that declares an earlier one (<c>cargo.owner</c> in a 1.0 document). Unknown
/// top-level fields, and any unknown field of a version not listed here (1.2 and later), are ignored: later minor
/// versions must stay readable. The JSON Schema (docs/schema) draws the same line.
/// </summary>
internal sealed class KnownFields
{
    private static readonly Dictionary<string, string[]> FieldsV10 = new()
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
    };

    /// <summary>v1.1 adds the owner of the oil: <c>cargo.owner.country</c>.</summary>
    private static readonly Dictionary<string, string[]> AddedInV11 = new()
    {
        ["cargo"] = ["owner"],
        ["cargo.owner"] = ["country"],
    };

    private static readonly KnownFields[] All =
    [
        new(Vocabulary.SchemaVersion10, 0, FieldsV10),
        new(Vocabulary.SchemaVersion11, 1, Merge(FieldsV10, AddedInV11)),
    ];

    private readonly FrozenDictionary<string, Section> _bySection;
    private readonly Section[] _sections;
    private readonly int _position;

    private KnownFields(string version, int position, Dictionary<string, string[]> fields)
    {
        Version = version;
        _position = position;
        _bySection = Sections(fields);
        _sections = [.. _bySection.Values];
    }

    /// <summary>The versions whose fields are known, oldest first.</summary>
    public static IReadOnlyList<KnownFields> Versions => All;

    /// <summary>The schemaVersion these are the fields of ("1.0").</summary>
    public string Version { get; }

    /// <summary>The position of the version in <see cref="Versions"/>, or -1 for a version whose fields are not
    /// known (a later minor version, or no version at all).</summary>
    public static int IndexOf(string? schemaVersion)
    {
        for (var i = 0; i < All.Length; i++)
        {
            if (All[i].Version == schemaVersion)
                return i;
        }
        return -1;
    }

    /// <summary>The fields of the version, or null for a version whose fields are not known.</summary>
    public static KnownFields? Of(string? schemaVersion) => IndexOf(schemaVersion) is var i and >= 0 ? All[i] : null;

    public void Check(JsonElement attestation, ReadErrors errors)
    {
        foreach (var property in attestation.EnumerateObject())
        {
            var kind = property.Value.ValueKind;
            if (kind is not (JsonValueKind.Object or JsonValueKind.Array) || Find(_sections, property, byFullName: true) is not { } section)
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

    /// <summary>
    /// The error for a CSV column naming an unknown field of a section (indices ignored), else null. The error is at
    /// the column's path up to the first unknown field, as in JSON: <c>cargo.owner.country</c> in a 1.0 row is an
    /// error at <c>cargo.owner</c>. Top-level columns and columns under an unknown top-level name are not checked.
    /// </summary>
    public ValidationIssue? CheckColumn(string path)
    {
        var segments = path.Split('.');
        if (segments.Length < 2 || !_bySection.TryGetValue(StripIndices(segments[0]), out var section))
            return null;
        for (var i = 1; i < segments.Length; i++)
        {
            var last = i == segments.Length - 1;
            var field = last ? segments[i] : StripIndices(segments[i]);
            if (!section.Fields.Contains(field))
                return Unknown(string.Join('.', segments, 0, i + 1), section.Name, field, section.Fields);
            if (last || !_bySection.TryGetValue($"{section.Name}.{field}", out var nested))
                return null;
            section = nested;
        }
        return null;
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

    private void CheckObject(JsonElement value, Section section, ObjectPath path, ReadErrors errors)
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

    /// <summary>The fields of an earlier version with those a later one adds.</summary>
    private static Dictionary<string, string[]> Merge(Dictionary<string, string[]> earlier, Dictionary<string, string[]> added)
    {
        var merged = new Dictionary<string, string[]>(earlier, StringComparer.Ordinal);
        foreach (var (section, fields) in added)
            merged[section] = merged.TryGetValue(section, out var known) ? [.. known, .. fields] : fields;
        return merged;
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

    /// <summary>
    /// UnknownField for a field the section does not have in this version: naming the later version that has it
    /// (cargo.owner in a 1.0 document), else with a suggestion when only the case differs, else the known fields.
    /// </summary>
    private ValidationIssue Unknown(string path, string section, string field, FrozenSet<string> known)
    {
        if (VersionThatAdds(section, field) is { } since)
        {
            return new ValidationIssue(path, ErrorCodes.UnknownField,
                $"{section}.{field} needs schemaVersion \"{since}\": it is not a field of {section} in attestation v{Version}, " +
                $"which this document declares.");
        }
        var suggestion = known.FirstOrDefault(k => string.Equals(k, field, StringComparison.OrdinalIgnoreCase));
        var hint = suggestion is null ? $" Known fields: {string.Join(", ", known.Order(StringComparer.Ordinal))}." : $" Did you mean '{suggestion}'?";
        return new ValidationIssue(path, ErrorCodes.UnknownField,
            $"'{field}' is not a field of {section} in attestation v{Version}, so its value would be lost.{hint}");
    }

    /// <summary>The first version after this one whose section has the field, or null.</summary>
    private string? VersionThatAdds(string section, string field)
    {
        for (var i = _position + 1; i < All.Length; i++)
        {
            if (All[i]._bySection.TryGetValue(section, out var later) && later.Fields.Contains(field))
                return All[i].Version;
        }
        return null;
    }
}
