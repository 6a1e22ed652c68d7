using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace PriceCapAttest.Domain.Reading;

/// <summary>A JSON object read through <see cref="IFieldSource{TSelf}"/>. JSON null counts as absent.</summary>
/// <remarks>An entry of a list holds the list's path and its index, its own path built only for an error.</remarks>
internal readonly struct JsonFieldSource(JsonElement obj, string path, ReadErrors errors, int index = -1) : IFieldSource<JsonFieldSource>
{
    public string? GetString(FieldName name)
    {
        if (!TryGetValue(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.String)
        {
            ReportWrongType(name, ReadIssues.ExpectString, value);
            return null;
        }
        if (TryGetText(value, out var text))
            return text;
        errors.Add(new(PathOf(name), Results.ErrorCodes.InvalidFormat,
            "The text holds an escape sequence that is not valid Unicode (a lone \\uD800-\\uDFFF surrogate)."));
        return null;
    }

    public decimal? GetDecimal(FieldName name)
    {
        if (!TryGetValue(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number)
            return WrongType<decimal>(name, ReadIssues.ExpectNumber, value);
        if (value.TryGetDecimal(out var number))
            return number;
        errors.Add(ReadIssues.NumberOutOfRange(PathOf(name), value.GetRawText()));
        return null;
    }

    public int? GetInteger(FieldName name)
    {
        if (!TryGetValue(name, out var value))
            return null;
        if (value.ValueKind != JsonValueKind.Number)
            return WrongType<int>(name, ReadIssues.ExpectInteger, value);
        if (value.TryGetInt32(out var number))
            return number;
        var raw = value.GetRawText();
        errors.Add(FieldParsers.ParseInteger(raw, out _) == FieldParseStatus.OutOfRange
            ? ReadIssues.NumberOutOfRange(PathOf(name), raw)
            : ReadIssues.WrongType(PathOf(name), ReadIssues.ExpectInteger, "a number with a fraction or exponent"));
        return null;
    }

    public bool? GetBoolean(FieldName name)
    {
        if (!TryGetValue(name, out var value))
            return null;
        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return value.ValueKind == JsonValueKind.True;
        return WrongType<bool>(name, ReadIssues.ExpectBoolean, value);
    }

    public DateOnly? GetDate(FieldName name)
    {
        if (TryGetPlainText(name, stackalloc char[MaxPlainChars], out var plain) && FieldParsers.TryParseDate(plain, out var parsed))
            return parsed;
        var text = GetTextOf(name, ReadIssues.ExpectDate);
        if (text is null)
            return null;
        if (FieldParsers.TryParseDate(text, out var date))
            return date;
        errors.Add(ReadIssues.InvalidFormat(PathOf(name), ReadIssues.ExpectDate, text));
        return null;
    }

    public DateTimeOffset? GetInstant(FieldName name)
    {
        if (TryGetPlainText(name, stackalloc char[MaxPlainChars], out var plain) && FieldParsers.TryParseInstant(plain, out var parsed))
            return parsed;
        var text = GetTextOf(name, ReadIssues.ExpectInstant);
        if (text is null)
            return null;
        if (FieldParsers.TryParseInstant(text, out var instant))
            return instant;
        errors.Add(ReadIssues.InvalidFormat(PathOf(name), ReadIssues.ExpectInstant, text));
        return null;
    }

    public bool TryGetSection(FieldName name, out JsonFieldSource section)
    {
        section = default;
        if (!TryGetValue(name, out var value))
            return false;
        if (value.ValueKind != JsonValueKind.Object)
        {
            ReportWrongType(name, ReadIssues.ExpectObject, value);
            return false;
        }
        section = new JsonFieldSource(value, PathOf(name), errors);
        return true;
    }

    public IReadOnlyList<T> GetList<T>(FieldName name, Func<JsonFieldSource, T> map, T unreadable)
    {
        if (!TryGetValue(name, out var value))
            return [];
        if (value.ValueKind != JsonValueKind.Array)
        {
            ReportWrongType(name, ReadIssues.ExpectArray, value);
            return [];
        }
        var listPath = PathOf(name);
        var items = new T[value.GetArrayLength()];
        var i = 0;
        foreach (var element in value.EnumerateArray())
        {
            if (element.ValueKind == JsonValueKind.Object)
            {
                items[i] = map(new JsonFieldSource(element, listPath, errors, i));
            }
            else
            {
                errors.Add(ReadIssues.WrongType($"{listPath}[{i}]", ReadIssues.ExpectObject, Describe(element)));
                items[i] = unreadable;
            }
            i++;
        }
        return items;
    }

    public IReadOnlyDictionary<string, decimal?> GetDecimalMap(FieldName name)
    {
        var map = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (!TryGetSection(name, out var section))
            return map;
        foreach (var property in section.Object.EnumerateObject())
        {
            string key;
            try
            {
                key = property.Name;
            }
            catch (InvalidOperationException)
            {
                errors.Add(new(section.Path, Results.ErrorCodes.InvalidFormat,
                    "A currency code holds an escape sequence that is not valid Unicode."));
                continue;
            }
            map[key] = section.GetDecimal(new FieldName(key));
        }
        return map;
    }

    /// <summary>The path of this object, "" for the root.</summary>
    /// <summary>Longest date or instant text read without allocating a string.</summary>
    private const int MaxPlainChars = 40;

    private string Path => index < 0 ? path : string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    private JsonElement Object => obj;

    private string PathOf(FieldName name) => path.Length == 0 ? name.Text : $"{Path}.{name.Text}";

    private bool TryGetValue(FieldName name, out JsonElement value) =>
        obj.TryGetProperty(name.Utf8, out value) && value.ValueKind != JsonValueKind.Null;

    /// <summary>
    /// A short string value without escape sequences, decoded into <paramref name="buffer"/> without allocating a
    /// string (dates and instants); false, reporting nothing, for anything else, which the callers then read as before.
    /// </summary>
    private bool TryGetPlainText(FieldName name, Span<char> buffer, out ReadOnlySpan<char> text)
    {
        text = default;
        if (!TryGetValue(name, out var value) || value.ValueKind != JsonValueKind.String)
            return false;
        var raw = JsonMarshal.GetRawUtf8Value(value);
        if (raw is [(byte)'"', .., (byte)'"'])
            raw = raw[1..^1];
        if (raw.Length > buffer.Length || raw.Contains((byte)'\\') || Utf8.ToUtf16(raw, buffer, out _, out var written) != OperationStatus.Done)
            return false;
        text = buffer[..written];
        return true;
    }

    /// <summary>The text of a string value (dates, instants); reports other kinds as wrong types.</summary>
    private string? GetTextOf(FieldName name, string expected)
    {
        if (!TryGetValue(name, out var value))
            return null;
        if (value.ValueKind == JsonValueKind.String && TryGetText(value, out var text))
            return text;
        if (value.ValueKind == JsonValueKind.String)
            errors.Add(new(PathOf(name), Results.ErrorCodes.InvalidFormat, $"Expected {expected}."));
        else
            ReportWrongType(name, expected, value);
        return null;
    }

    private T? WrongType<T>(FieldName name, string expected, JsonElement found)
        where T : struct
    {
        ReportWrongType(name, expected, found);
        return null;
    }

    private void ReportWrongType(FieldName name, string expected, JsonElement found) =>
        errors.Add(ReadIssues.WrongType(PathOf(name), expected, Describe(found)));

    private static bool TryGetText(JsonElement value, out string text)
    {
        try
        {
            text = value.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            text = "";
            return false;
        }
    }

    /// <summary>The kind of a JSON value in words, for messages ("a string", "an array", "true").</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "null",
    };
}
