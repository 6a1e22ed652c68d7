using System.Text.Json;

namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>
/// Walks a compiled template and its nested deployments (Bicep modules) and lists every resource it deploys:
/// loops expanded, conditions evaluated, module parameters passed down, existing resources left out.
/// Handles both template shapes Bicep emits (resources as an array, or as an object under languageVersion 2.0).
/// </summary>
public static class TemplateResources
{
    public static IReadOnlyList<DeployedResource> Expand(TemplateScope scope)
    {
        var result = new List<DeployedResource>();
        Collect(scope, result);
        return result;
    }

    /// <summary>Every template scope: the main one and one per module.</summary>
    public static IReadOnlyList<TemplateScope> Scopes(TemplateScope scope)
    {
        var result = new List<TemplateScope> { scope };
        foreach (var resource in Expand(scope).Where(resource => resource.Type == TemplateScope.DeploymentType))
        {
            result.Add(resource.Scope.Module(resource.Element, resource.CopyIndex));
        }

        return result;
    }

    private static void Collect(TemplateScope scope, List<DeployedResource> result)
    {
        if (!scope.Template.TryGetProperty("resources", out var resources))
        {
            return;
        }

        var elements = resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray().ToList()
            : resources.EnumerateObject().Select(property => property.Value).ToList();

        foreach (var element in elements)
        {
            if (element.TryGetProperty("existing", out var existing) && existing.ValueKind == JsonValueKind.True)
            {
                continue;
            }

            var iterations = element.TryGetProperty("copy", out var copy)
                ? Enumerable.Range(0, checked((int)(long)scope.Evaluate(copy.GetProperty("count"))!)).Select(i => (long?)i)
                : [null];

            foreach (var index in iterations)
            {
                if (element.TryGetProperty("condition", out var condition) && scope.Evaluate(condition, index) is false)
                {
                    continue;
                }

                var type = element.GetProperty("type").GetString()!;
                var name = TemplateScope.Render(scope.Evaluate(element.GetProperty("name"), index));
                var resource = new DeployedResource(type, name, element, scope, index);
                result.Add(resource);
                if (type == TemplateScope.DeploymentType)
                {
                    Collect(scope.Module(element, index), result);
                }
            }
        }
    }
}
