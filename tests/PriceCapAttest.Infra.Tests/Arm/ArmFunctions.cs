using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>The ARM template functions that need no scope (string, array and object helpers, resource ids).</summary>
internal static class ArmFunctions
{
    internal static IList<object?> AsList(object? value) =>
        value as IList<object?> ?? throw new InvalidOperationException($"Array expected, got {Describe(value)}");

    internal static string ResourceGroupId() => $"/subscriptions/{TemplateScope.SubscriptionId}/resourceGroups/{TemplateScope.ResourceGroupName}";

    /// <summary>Builds a resource id the way ARM does: /providers/Ns/type1/name1/type2/name2...</summary>
    internal static string ResourceId(string prefix, IReadOnlyList<object?> arguments)
    {
        var typeAt = arguments.ToList().FindIndex(argument => argument is string text && text.Contains('/', StringComparison.Ordinal) && text.Contains('.', StringComparison.Ordinal));
        var type = (string)arguments[typeAt]!;
        var names = arguments.Skip(typeAt + 1).Select(Render).ToList();
        var typeSegments = type.Split('/');
        var id = new StringBuilder(prefix).Append("/providers/").Append(typeSegments[0]);
        for (var i = 1; i < typeSegments.Length; i++)
        {
            id.Append('/').Append(typeSegments[i]).Append('/').Append(i - 1 < names.Count ? names[i - 1] : "?");
        }

        return id.ToString();
    }

    internal static string UniqueString(IEnumerable<object?> arguments)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|', arguments.Select(Render))));
        return "u" + Convert.ToHexStringLower(hash)[..12];
    }

    internal static object Format(IReadOnlyList<object?> arguments)
    {
        var pattern = Render(arguments[0]);
        var builder = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            if (pattern[i] == '{' && i + 1 < pattern.Length && pattern[i + 1] == '{')
            {
                builder.Append('{');
                i++;
            }
            else if (pattern[i] == '}' && i + 1 < pattern.Length && pattern[i + 1] == '}')
            {
                builder.Append('}');
                i++;
            }
            else if (pattern[i] == '{')
            {
                var end = pattern.IndexOf('}', i);
                var position = int.Parse(pattern[(i + 1)..end].Split(':')[0], CultureInfo.InvariantCulture);
                builder.Append(Render(arguments[position + 1]));
                i = end;
            }
            else
            {
                builder.Append(pattern[i]);
            }
        }

        return builder.ToString();
    }

    internal static object Compare(IReadOnlyList<object?> arguments, Func<int, bool> test) => arguments switch
    {
        [long left, long right] => test(left.CompareTo(right)),
        [string left, string right] => test(string.Compare(left, right, StringComparison.OrdinalIgnoreCase)),
        _ => Unknown.Value,
    };

    internal static object Take(object? value, long count) => value switch
    {
        string text => text[..(int)Math.Min(count, text.Length)],
        IList<object?> items => items.Take((int)count).ToList(),
        _ => Unknown.Value,
    };

    internal static object Length(object? value) => value switch
    {
        string text => (long)text.Length,
        IList<object?> items => (long)items.Count,
        IDictionary<string, object?> properties => (long)properties.Count,
        null => 0L,
        _ => Unknown.Value,
    };

    internal static Dictionary<string, object?> CreateObject(IReadOnlyList<object?> arguments)
    {
        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < arguments.Count; i += 2)
        {
            result[(string)arguments[i]!] = arguments[i + 1];
        }

        return result;
    }

    internal static object Union(IReadOnlyList<object?> arguments)
    {
        if (arguments.Any(argument => argument is Unknown))
        {
            return Unknown.Value;
        }

        if (arguments.All(argument => argument is IList<object?>))
        {
            return arguments.Cast<IList<object?>>().SelectMany(items => items).Distinct().ToList();
        }

        var result = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        foreach (var properties in arguments.Cast<IDictionary<string, object?>>())
        {
            foreach (var (key, value) in properties)
            {
                result[key] = value;
            }
        }

        return result;
    }

    /// <summary>intersection() of arrays: the items of the first that are in every other one.</summary>
    internal static object Intersection(IReadOnlyList<object?> arguments) =>
        arguments.All(argument => argument is IList<object?>)
            ? arguments.Cast<IList<object?>>().Aggregate((common, next) => common.Where(next.Contains).Distinct().ToList())
            : Unknown.Value;

    internal static object Items(object? value) => value switch
    {
        IDictionary<string, object?> properties => properties
            .OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase)
            .Select(pair => (object?)new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["key"] = pair.Key,
                ["value"] = pair.Value,
            })
            .ToList(),
        _ => Unknown.Value,
    };

    /// <summary>split() by one delimiter or by any of an array of delimiters.</summary>
    internal static object Split(object? value, object? delimiters) => (value, delimiters) switch
    {
        (string text, string delimiter) => text.Split(delimiter).Select(part => (object?)part).ToList(),
        (string text, IList<object?> any) => text.Split(any.Select(Render).ToArray(), StringSplitOptions.None).Select(part => (object?)part).ToList(),
        _ => Unknown.Value,
    };

    internal static object Substring(string text, IReadOnlyList<object?> bounds)
    {
        var start = checked((int)(long)bounds[0]!);
        return bounds.Count > 1 ? text.Substring(start, checked((int)(long)bounds[1]!)) : text[start..];
    }

    /// <summary>contains() of a string (ordinal, as ARM), an array (an equal item) or an object (a key).</summary>
    internal static object Contains(object? container, object? item) => (container, item) switch
    {
        (Unknown, _) or (_, Unknown) => Unknown.Value,
        (string text, _) => text.Contains(Render(item), StringComparison.Ordinal),
        (IList<object?> items, _) => items.Contains(item),
        (IDictionary<string, object?> properties, string key) => properties.ContainsKey(key),
        _ => Unknown.Value,
    };

    /// <summary>tryGet() (Bicep's .? safe access): the property or item, null when absent.</summary>
    internal static object? TryGet(object? target, object? key) => (target, key) switch
    {
        (Unknown, _) or (_, Unknown) => Unknown.Value,
        (IDictionary<string, object?> properties, string name) => properties.TryGetValue(name, out var value) ? value : null,
        (IList<object?> items, long index) => index >= 0 && index < items.Count ? items[(int)index] : null,
        _ => null,
    };

    /// <summary>Text of a value as it would appear in a string; unknown parts show as "?".</summary>
    internal static string Render(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        bool flag => flag ? "True" : "False",
        long number => number.ToString(CultureInfo.InvariantCulture),
        Unknown => "?",
        _ => JsonSerializer.Serialize(value),
    };

    internal static string Describe(object? value) => value?.GetType().Name ?? "null";
}
