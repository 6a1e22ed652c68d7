using System.Text.Json;

namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>One resource the template deploys (one per loop iteration), with its template scope to evaluate it.</summary>
public sealed record DeployedResource(string Type, string Name, JsonElement Element, TemplateScope Scope, long? CopyIndex)
{
    /// <summary>The last segment of the name: the container, queue or table name of a child resource.</summary>
    public string LeafName => Name.Split('/')[^1];

    /// <summary>Whether the template deploys the resource only under a condition.</summary>
    public bool IsConditional => Element.TryGetProperty("condition", out _);

    /// <summary>Evaluates a property path below the resource, e.g. "properties.minimumTlsVersion".</summary>
    public object? Get(string path)
    {
        var value = Scope.Evaluate(Element, CopyIndex);
        foreach (var segment in path.Split('.'))
        {
            value = value is IDictionary<string, object?> properties && properties.TryGetValue(segment, out var next)
                ? next
                : value is Unknown ? Unknown.Value : throw new KeyNotFoundException($"{Type} {Name}: no '{path}' (stopped at '{segment}')");
        }

        return value;
    }

    /// <summary>Whether a property path exists below the resource.</summary>
    public bool Has(string path)
    {
        var element = Element;
        foreach (var segment in path.Split('.'))
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return false;
            }
        }

        return true;
    }

    public override string ToString() => $"{Type} '{Name}' ({Scope.Path})";
}
