using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

using static PriceCapAttest.Infra.Tests.Arm.ArmFunctions;

namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>
/// Evaluates expressions of one (possibly nested) ARM template as far as they can be known before deployment:
/// parameters (given or default), variables, the functions Bicep emits for names, loops and app settings. Anything
/// that needs Azure (reference(), list*(), guid() of runtime ids) evaluates to <see cref="Unknown"/>.
/// Values are string, long, bool, null, List&lt;object?&gt;, Dictionary&lt;string, object?&gt; or Unknown.
/// </summary>
public sealed class TemplateScope
{
    public const string SubscriptionId = "00000000-0000-0000-0000-000000000000";
    public const string ResourceGroupName = "rg-test";

    private readonly JsonElement _template;
    private readonly IReadOnlyDictionary<string, Func<object?>> _suppliedParameters;
    private readonly Dictionary<string, object?> _parameterValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, object?> _variableValues = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, TemplateScope> _modules = new(StringComparer.OrdinalIgnoreCase);

    public TemplateScope(JsonElement template, IReadOnlyDictionary<string, Func<object?>> suppliedParameters, string path)
    {
        _template = template;
        _suppliedParameters = new Dictionary<string, Func<object?>>(suppliedParameters, StringComparer.OrdinalIgnoreCase);
        Path = path;
    }

    /// <summary>Where this template sits: "main", "main/storage", ...</summary>
    public string Path { get; }

    public JsonElement Template => _template;

    /// <summary>Evaluates a JSON value of the template: expressions inside strings, recursively in objects and arrays.</summary>
    public object? Evaluate(JsonElement value, long? copyIndex = null) => value.ValueKind switch
    {
        JsonValueKind.String when ArmExpressionParser.IsExpression(value.GetString()!) =>
            Evaluate(ArmExpressionParser.Parse(value.GetString()!), new Environment(copyIndex, null)),
        JsonValueKind.String => Unescape(value.GetString()!),
        JsonValueKind.Number => value.TryGetInt64(out var number) ? (object)number : value.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => value.EnumerateArray().Select(item => Evaluate(item, copyIndex)).ToList(),
        JsonValueKind.Object => value.EnumerateObject().ToDictionary(
            property => property.Name, property => Evaluate(property.Value, copyIndex), StringComparer.OrdinalIgnoreCase),
        _ => throw new InvalidOperationException($"Unexpected JSON {value.ValueKind}"),
    };

    public object? Parameter(string name)
    {
        if (_parameterValues.TryGetValue(name, out var known))
        {
            return known;
        }

        object? value;
        if (_suppliedParameters.TryGetValue(name, out var supplied))
        {
            value = supplied();
        }
        else if (_template.TryGetProperty("parameters", out var parameters)
                 && parameters.TryGetProperty(name, out var declaration)
                 && declaration.TryGetProperty("defaultValue", out var defaultValue))
        {
            value = Evaluate(defaultValue);
        }
        else
        {
            throw new InvalidOperationException($"{Path}: parameter '{name}' has no value and no default");
        }

        _parameterValues[name] = value;
        return value;
    }

    public object? Variable(string name)
    {
        if (_variableValues.TryGetValue(name, out var known))
        {
            return known;
        }

        if (!_template.TryGetProperty("variables", out var variables) || !variables.TryGetProperty(name, out var declaration))
        {
            throw new InvalidOperationException($"{Path}: variable '{name}' is not declared");
        }

        var value = Evaluate(declaration);
        _variableValues[name] = value;
        return value;
    }

    public const string DeploymentType = "Microsoft.Resources/deployments";

    /// <summary>The template of a nested deployment (Bicep module) declared in this template, with its parameters.</summary>
    public TemplateScope Module(JsonElement deployment, long? copyIndex)
    {
        var name = Render(Evaluate(deployment.GetProperty("name"), copyIndex));
        if (_modules.TryGetValue(name, out var known))
        {
            return known;
        }

        var properties = deployment.GetProperty("properties");
        var supplied = new Dictionary<string, Func<object?>>(StringComparer.OrdinalIgnoreCase);
        if (properties.TryGetProperty("parameters", out var parameters))
        {
            foreach (var parameter in parameters.EnumerateObject())
            {
                var value = parameter.Value.GetProperty("value");
                supplied[parameter.Name] = () => Evaluate(value, copyIndex);
            }
        }

        var module = new TemplateScope(properties.GetProperty("template"), supplied, $"{Path}/{name.Split('-')[0]}");
        _modules[name] = module;
        return module;
    }

    /// <summary>Outputs of a module, in the shape reference() returns: { outputs: { name: { value } } }.</summary>
    private object Reference(object? target)
    {
        if (target is not string key || !_template.TryGetProperty("resources", out var resources))
        {
            return Unknown.Value;
        }

        JsonElement? deployment = null;
        if (resources.ValueKind == JsonValueKind.Object && resources.TryGetProperty(key, out var symbolic))
        {
            deployment = symbolic;
        }
        else if (key.Contains($"/providers/{DeploymentType}/", StringComparison.OrdinalIgnoreCase))
        {
            var name = key.Split('/')[^1];
            var elements = resources.ValueKind == JsonValueKind.Array
                ? resources.EnumerateArray()
                : resources.EnumerateObject().Select(property => property.Value);
            deployment = elements.FirstOrDefault(element =>
                element.GetProperty("type").GetString() == DeploymentType && Render(Evaluate(element.GetProperty("name"))) == name);
        }

        if (deployment is not { ValueKind: JsonValueKind.Object } found || found.GetProperty("type").GetString() != DeploymentType)
        {
            return Unknown.Value;
        }

        var module = Module(found, null);
        var outputs = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        if (module.Template.TryGetProperty("outputs", out var declared))
        {
            foreach (var output in declared.EnumerateObject())
            {
                outputs[output.Name] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["value"] = module.Evaluate(output.Value.GetProperty("value")),
                };
            }
        }

        return new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["outputs"] = outputs };
    }

    private static string Unescape(string literal) => literal.StartsWith("[[", StringComparison.Ordinal) ? literal[1..] : literal;

    private sealed record Environment(long? CopyIndex, IReadOnlyDictionary<string, object?>? LambdaVariables)
    {
        public Environment With(IReadOnlyList<string> names, IReadOnlyList<object?> values)
        {
            var variables = new Dictionary<string, object?>(LambdaVariables ?? new Dictionary<string, object?>(), StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < names.Count; i++)
            {
                variables[names[i]] = values[i];
            }

            return this with { LambdaVariables = variables };
        }
    }

    private sealed record Lambda(IReadOnlyList<string> Names, ArmNode Body, Environment Captured);

    private object? Evaluate(ArmNode node, Environment environment) => node switch
    {
        LiteralNode literal => literal.Value,
        MemberNode member => Member(Evaluate(member.Target, environment), member.Member),
        IndexNode index => Index(Evaluate(index.Target, environment), Evaluate(index.Index, environment)),
        CallNode call => Call(call, environment),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static object? Member(object? target, string member) => target switch
    {
        Unknown => Unknown.Value,
        IDictionary<string, object?> properties => properties.TryGetValue(member, out var value)
            ? value
            : throw new InvalidOperationException($"Property '{member}' not found"),
        _ => throw new InvalidOperationException($"Cannot read '{member}' of {Describe(target)}"),
    };

    private static object? Index(object? target, object? index) => (target, index) switch
    {
        (Unknown, _) or (_, Unknown) => Unknown.Value,
        (IList<object?> items, long position) => items[checked((int)position)],
        (IDictionary<string, object?> properties, string name) => Member(properties, name),
        _ => throw new InvalidOperationException($"Cannot index {Describe(target)} with {Describe(index)}"),
    };

    private object? Call(CallNode call, Environment environment)
    {
        if (call.Function.Equals("lambda", StringComparison.OrdinalIgnoreCase))
        {
            var names = call.Arguments.Take(call.Arguments.Count - 1)
                .Select(argument => (string)((LiteralNode)argument).Value!).ToList();
            return new Lambda(names, call.Arguments[^1], environment);
        }

        if (call.Function.Equals("if", StringComparison.OrdinalIgnoreCase))
        {
            // Like ARM, only the branch taken is evaluated (so a fail() in the other one never fires).
            return Evaluate(call.Arguments[0], environment) is bool condition
                ? Evaluate(call.Arguments[condition ? 1 : 2], environment)
                : Unknown.Value;
        }

        var arguments = call.Arguments.Select(argument => Evaluate(argument, environment)).ToList();
        return call.Function.ToLowerInvariant() switch
        {
            "parameters" => Parameter((string)arguments[0]!),
            "variables" => Variable((string)arguments[0]!),
            "lambdavariables" => environment.LambdaVariables![(string)arguments[0]!],
            "copyindex" => (environment.CopyIndex ?? throw new InvalidOperationException("copyIndex() outside a loop"))
                           + (arguments.Count > 0 && arguments[^1] is long offset ? offset : 0),
            "true" => true,
            "false" => false,
            "null" => null,
            "format" => Format(arguments),
            "concat" => arguments.All(argument => argument is IList<object?>)
                ? arguments.Cast<IList<object?>>().SelectMany(items => items).ToList()
                : string.Concat(arguments.Select(Render)),
            "string" => arguments[0] is string text ? text : Render(arguments[0]),
            "tolower" => arguments[0] is Unknown ? Unknown.Value : ((string)arguments[0]!).ToLowerInvariant(),
            "toupper" => arguments[0] is Unknown ? Unknown.Value : ((string)arguments[0]!).ToUpperInvariant(),
            "take" => Take(arguments[0], (long)arguments[1]!),
            "length" => Length(arguments[0]),
            "empty" => arguments[0] is Unknown ? Unknown.Value : Length(arguments[0]) is 0L,
            "not" => arguments[0] is bool value ? !value : Unknown.Value,
            "equals" => arguments.Any(argument => argument is Unknown) ? Unknown.Value : Equals(arguments[0], arguments[1]),
            "greater" => Compare(arguments, order => order > 0),
            "greaterorequals" => Compare(arguments, order => order >= 0),
            "less" => Compare(arguments, order => order < 0),
            "lessorequals" => Compare(arguments, order => order <= 0),
            "and" => arguments.Any(argument => argument is false) ? false : arguments.All(argument => argument is true) ? true : Unknown.Value,
            "or" => arguments.Any(argument => argument is true) ? true : arguments.All(argument => argument is false) ? false : Unknown.Value,
            "coalesce" => arguments.FirstOrDefault(argument => argument is not null),
            "startswith" => arguments.Any(argument => argument is Unknown) ? Unknown.Value : ((string)arguments[0]!).StartsWith((string)arguments[1]!, StringComparison.OrdinalIgnoreCase),
            "endswith" => arguments.Any(argument => argument is Unknown) ? Unknown.Value : ((string)arguments[0]!).EndsWith((string)arguments[1]!, StringComparison.OrdinalIgnoreCase),
            "replace" => arguments.Any(argument => argument is Unknown) ? Unknown.Value : ((string)arguments[0]!).Replace((string)arguments[1]!, (string)arguments[2]!, StringComparison.Ordinal),
            "fail" => throw new TemplateFailure(Render(arguments[0])),
            "split" => Split(arguments[0], arguments[1]),
            "join" => arguments[0] is IList<object?> parts && arguments[1] is string separator ? string.Join(separator, parts.Select(Render)) : Unknown.Value,
            "substring" => arguments[0] is string whole ? Substring(whole, arguments.Skip(1).ToList()) : Unknown.Value,
            "contains" => Contains(arguments[0], arguments[1]),
            "tryget" => TryGet(arguments[0], arguments[1]),
            "trim" => arguments[0] is string text ? text.Trim() : Unknown.Value,
            "intersection" => Intersection(arguments),
            "filter" => arguments[0] is Unknown ? Unknown.Value : AsList(arguments[0]).Where(item => Apply(arguments[1], item) is true).ToList(),
            "createobject" => CreateObject(arguments),
            "createarray" => arguments.ToList(),
            "union" => Union(arguments),
            "items" => Items(arguments[0]),
            "add" => arguments[0] is long left && arguments[1] is long right ? checked(left + right) : Unknown.Value,
            "range" => Enumerable.Range(checked((int)(long)arguments[0]!), checked((int)(long)arguments[1]!)).Select(i => (object?)(long)i).ToList(),
            "reduce" => Reduce(arguments),
            "map" => AsList(arguments[0]).Select(item => Apply(arguments[1], item)).ToList(),
            "toobject" => AsList(arguments[0]).ToDictionary(
                item => (string)Apply(arguments[1], item)!,
                item => arguments.Count > 2 ? Apply(arguments[2], item) : item,
                StringComparer.OrdinalIgnoreCase),
            "resourceid" => ResourceId(ResourceGroupId(), arguments),
            "subscriptionresourceid" => ResourceId($"/subscriptions/{SubscriptionId}", arguments),
            "tenantresourceid" => ResourceId(string.Empty, arguments),
            "extensionresourceid" => $"{Render(arguments[0])}{ResourceId(string.Empty, arguments.Skip(1).ToList())}",
            "uniquestring" => UniqueString(arguments),
            "subscription" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = $"/subscriptions/{SubscriptionId}",
                ["subscriptionId"] = SubscriptionId,
                ["tenantId"] = Unknown.Value,
            },
            "tenant" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["tenantId"] = Unknown.Value },
            "resourcegroup" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["id"] = ResourceGroupId(),
                ["name"] = ResourceGroupName,
                ["location"] = Unknown.Value,
            },
            "reference" => Reference(arguments[0]),
            // The public cloud's endpoints (what environment() gives in AzureCloud), as far as the templates read them.
            "environment" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["name"] = "AzureCloud",
                ["authentication"] = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
                {
                    ["loginEndpoint"] = "https://login.microsoftonline.com/",
                },
            },
            "deployment" => new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase) { ["name"] = "deployment" },
            // reference(), list*(), guid() ... need Azure or are irrelevant to what the tests ask.
            _ => Unknown.Value,
        };
    }

    private object? Apply(object? lambda, params object?[] values)
    {
        var function = (Lambda)lambda!;
        return Evaluate(function.Body, function.Captured.With(function.Names, values));
    }

    private object? Reduce(List<object?> arguments)
    {
        if (arguments[0] is Unknown)
        {
            return Unknown.Value;
        }

        var accumulator = arguments[1];
        var index = 0L;
        foreach (var item in AsList(arguments[0]))
        {
            accumulator = Apply(arguments[2], accumulator, item, index++);
        }

        return accumulator;
    }

    public static string Render(object? value) => ArmFunctions.Render(value);
}
