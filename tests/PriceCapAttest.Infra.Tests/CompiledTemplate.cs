using System.Text.Json;
using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// infra/main.bicep built once per test run into a temporary folder with the Bicep CLI, then parsed and expanded.
/// Evaluated with the parameters below, chosen so that every optional resource is deployed; <see cref="ResourcesWith"/>
/// evaluates it again with one of them changed.
/// </summary>
public sealed class CompiledTemplate
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> SampleRoutes =
        new Dictionary<string, IReadOnlyList<string>>
        {
            ["EU"] = ["https://eu-regulator.example/hooks/a", "https://eu-regulator.example/hooks/b"],
            ["US"] = ["https://us-regulator.example/hooks"],
        };

    /// <summary>Sample API keys (two insurers, one regulator), each at least 32 characters as the template requires.</summary>
    public static readonly IReadOnlyList<string> SampleInsurerKeys =
        ["test-insurer-key-a-0123456789abcdef", "test-insurer-key-b-0123456789abcdef"];

    public static readonly IReadOnlyList<string> SampleRegulatorKeys = ["test-regulator-key-0123456789abcdef"];

    public const string OperatorPrincipalId = "11111111-1111-1111-1111-111111111111";

    public const string ActionGroupId =
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ops/providers/Microsoft.Insights/actionGroups/ag-pricecap-oncall";

    private static readonly Lazy<CompiledTemplate> Shared = new(() => new CompiledTemplate());

    private readonly Dictionary<string, Func<object?>> _parameters;

    private CompiledTemplate()
    {
        var folder = Directory.CreateTempSubdirectory("pricecap-infra-");
        var output = Path.Combine(folder.FullName, "main.json");
        (BuildExitCode, BuildOutput) = BicepCli.Run("build", Path.Combine(BicepCli.InfraFolder, "main.bicep"), "--outfile", output);
        if (BuildExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build failed:\n{BuildOutput}");
        }

        Text = File.ReadAllText(output);
        Document = JsonDocument.Parse(Text);
        folder.Delete(recursive: true);

        _parameters = new Dictionary<string, Func<object?>>
        {
            ["environmentName"] = () => "test",
            ["location"] = () => "westeurope",
            ["alertsSigningSecret"] = () => "whsec_dGVzdC1vbmx5LW5vdC1hLXJlYWwtc2VjcmV0",
            ["apiInsurerKeys"] = () => string.Join(',', SampleInsurerKeys),
            ["apiRegulatorKeys"] = () => string.Join(',', SampleRegulatorKeys),
            ["operatorPrincipalId"] = () => OperatorPrincipalId,
            ["regulatorRoutes"] = () => SampleRoutes.ToDictionary(
                pair => pair.Key, pair => (object?)pair.Value.Cast<object?>().ToList(), StringComparer.OrdinalIgnoreCase),
            ["alertActionGroupId"] = () => ActionGroupId,
        };
        Main = new TemplateScope(Document.RootElement, _parameters, "main");
        Resources = TemplateResources.Expand(Main);
        Scopes = TemplateResources.Scopes(Main);
    }

    public static CompiledTemplate Instance => Shared.Value;

    public int BuildExitCode { get; }

    public string BuildOutput { get; }

    /// <summary>The compiled ARM JSON as text.</summary>
    public string Text { get; }

    public JsonDocument Document { get; }

    public TemplateScope Main { get; }

    /// <summary>Every resource deployed, across modules, loops expanded.</summary>
    public IReadOnlyList<DeployedResource> Resources { get; }

    public IReadOnlyList<TemplateScope> Scopes { get; }

    public IEnumerable<DeployedResource> OfType(string type) =>
        Resources.Where(resource => resource.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public DeployedResource Single(string type) => Assert.Single(OfType(type));

    /// <summary>Every resource deployed when one parameter takes another value (the others as above).</summary>
    public IReadOnlyList<DeployedResource> ResourcesWith(string parameter, object? value)
    {
        var parameters = new Dictionary<string, Func<object?>>(_parameters, StringComparer.OrdinalIgnoreCase) { [parameter] = () => value };
        return TemplateResources.Expand(new TemplateScope(Document.RootElement, parameters, "main"));
    }
}
