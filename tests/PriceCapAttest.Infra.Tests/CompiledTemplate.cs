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

    /// <summary>Sample keyed principals (two keys of one insurer, as in a rotation; a regulator; a shipper; an operator), keys of 32 characters or more.</summary>
    public static readonly IReadOnlyList<(string Role, string PartyId, string Key)> SamplePrincipals =
    [
        ("Insurer", "ACME-INS", "test-insurer-key-a-0123456789abcdef"),
        ("Insurer", "ACME-INS", "test-insurer-key-b-0123456789abcdef"),
        ("Regulator", "EU", "test-regulator-key-0123456789abcdef"),
        ("Shipper", "nordic_tankers.2", "test-shipper-key-0123456789abcdef0"),
        ("Operator", "ops", "test-operator-key-0123456789abcdef"),
    ];

    /// <summary>The apiPrincipals parameter (azd env API_PRINCIPALS) of <paramref name="principals"/>.</summary>
    public static string PrincipalsParameter(IEnumerable<(string Role, string PartyId, string Key)> principals) =>
        string.Join(',', principals.Select(p => $"{p.Role}:{p.PartyId}:{p.Key}"));

    public const string OperatorPrincipalId = "11111111-1111-1111-1111-111111111111";

    /// <summary>The API app registration (apiAuthentication 'entra', the production mode).</summary>
    public const string EntraClientId = "22222222-2222-2222-2222-222222222222";

    public const string EntraTenantId = "33333333-3333-3333-3333-333333333333";

    public static readonly IReadOnlyList<string> EntraAudiences = [$"api://{EntraClientId}", EntraClientId, "api://pricecap.example"];

    /// <summary>Onboarded shippers for direct upload: (shipper id, principal id, principal type or null for the default).</summary>
    public static readonly IReadOnlyList<(string ShipperId, string PrincipalId, string? PrincipalType)> SampleShippers =
    [
        ("ACME-SHIP", "44444444-4444-4444-4444-444444444444", null),
        ("nordic_tankers.2", "55555555-5555-5555-5555-555555555555", "Group"),
    ];

    public static List<object?> ShippersParameter(IEnumerable<(string ShipperId, string PrincipalId, string? PrincipalType)> shippers) =>
        shippers.Select(shipper =>
        {
            var entry = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
            {
                ["shipperId"] = shipper.ShipperId,
                ["principalId"] = shipper.PrincipalId,
            };
            if (shipper.PrincipalType is not null)
            {
                entry["principalType"] = shipper.PrincipalType;
            }

            return (object?)entry;
        }).ToList();

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
            ["apiPrincipals"] = () => PrincipalsParameter(SamplePrincipals),
            ["operatorPrincipalId"] = () => OperatorPrincipalId,
            ["regulatorRoutes"] = () => SampleRoutes.ToDictionary(
                pair => pair.Key, pair => (object?)pair.Value.Cast<object?>().ToList(), StringComparer.OrdinalIgnoreCase),
            ["alertActionGroupId"] = () => ActionGroupId,
            ["apiAuthentication"] = () => "entra",
            ["entraClientId"] = () => EntraClientId,
            ["entraTenantId"] = () => EntraTenantId,
            ["entraAllowedAudiences"] = () => EntraAudiences.Cast<object?>().ToList(),
            ["shippers"] = () => ShippersParameter(SampleShippers),
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
    public IReadOnlyList<DeployedResource> ResourcesWith(string parameter, object? value) =>
        ResourcesWith(new Dictionary<string, object?> { [parameter] = value });

    /// <summary>Every resource deployed when some parameters take other values (the others as above).</summary>
    public IReadOnlyList<DeployedResource> ResourcesWith(IReadOnlyDictionary<string, object?> changes)
    {
        var parameters = new Dictionary<string, Func<object?>>(_parameters, StringComparer.OrdinalIgnoreCase);
        foreach (var (parameter, value) in changes)
        {
            parameters[parameter] = () => value;
        }

        return TemplateResources.Expand(new TemplateScope(Document.RootElement, parameters, "main"));
    }
}
