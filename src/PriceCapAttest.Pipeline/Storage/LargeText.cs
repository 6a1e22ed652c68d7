namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// Text longer than one Table Storage property holds (64 KiB, i.e. 32K UTF-16 characters) split over
/// <c>{name}</c>, <c>{name}_1</c>, <c>{name}_2</c>... with the part count in <c>{name}Parts</c>.
/// </summary>
public static class LargeText
{
    public const int CharsPerProperty = 30_000;

    /// <summary>At most this many characters in one entity (the entity itself holds at most 1 MiB).</summary>
    public const int MaxChars = 15 * CharsPerProperty;

    /// <summary>Writes the text; false (and nothing written) when it is longer than <see cref="MaxChars"/>.</summary>
    public static bool TryWrite(IDictionary<string, object> entity, string name, string text)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxChars)
        {
            return false;
        }

        var parts = Math.Max(1, (text.Length + CharsPerProperty - 1) / CharsPerProperty);
        for (var i = 0; i < parts; i++)
        {
            var start = i * CharsPerProperty;
            var chunk = text.Substring(start, Math.Min(CharsPerProperty, text.Length - start));
            entity[i == 0 ? name : $"{name}_{i}"] = chunk;
        }

        entity[name + "Parts"] = parts;
        return true;
    }

    public static string? Read(IDictionary<string, object> entity, string name)
    {
        ArgumentNullException.ThrowIfNull(entity);
        if (!entity.TryGetValue(name, out var first) || first is not string firstText)
        {
            return null;
        }

        var parts = entity.TryGetValue(name + "Parts", out var p) && p is int n ? n : 1;
        if (parts == 1)
        {
            return firstText;
        }

        var builder = new System.Text.StringBuilder(firstText, parts * CharsPerProperty);
        for (var i = 1; i < parts; i++)
        {
            builder.Append(entity[$"{name}_{i}"] as string);
        }

        return builder.ToString();
    }
}
