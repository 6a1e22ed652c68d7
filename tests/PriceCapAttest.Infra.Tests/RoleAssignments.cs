using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>Least privilege: which role at which scope, and never a control-plane or administrator role.</summary>
public class RoleAssignments
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    /// <summary>A role assignment reduced to role id, the type of its scope and the scope's own name.</summary>
    public sealed record Grant(string RoleId, string ScopeType, string ScopeName);

    private static Grant Describe(DeployedResource assignment)
    {
        var roleId = TemplateScope.Render(assignment.Get("properties.roleDefinitionId")).Split('/')[^1];
        var scope = assignment.Has("scope") ? TemplateScope.Render(assignment.Scope.Evaluate(assignment.Element.GetProperty("scope"), assignment.CopyIndex)) : "resourceGroup";
        var segments = scope.Split("/providers/")[^1].Split('/');
        var type = segments.Length > 1 ? string.Join('/', segments.Where((_, i) => i == 0 || i % 2 == 1)) : scope;
        return new Grant(roleId, type, segments[^1]);
    }

    private static List<Grant> Grants() => Template.OfType(AzureTypes.RoleAssignment).Select(Describe).ToList();

    [Fact]
    public void Grants_are_exactly_the_least_privilege_set()
    {
        var expected = new List<Grant>
        {
            new(Roles.StorageBlobDataOwner, AzureTypes.Container, "app-package"),
            new(Roles.StorageBlobDataContributor, AzureTypes.StorageAccount, "?"),
            new(Roles.StorageQueueDataContributor, AzureTypes.StorageAccount, "?"),
            new(Roles.StorageTableDataContributor, AzureTypes.StorageAccount, "?"),
            new(Roles.MonitoringMetricsPublisher, AzureTypes.AppInsights, "?"),
            new(Roles.KeyVaultSecretsUser, AzureTypes.KeyVault, "?"),
            new(Roles.KeyVaultSecretsOfficer, AzureTypes.KeyVault, "?"),
            new(Roles.StorageBlobDataContributor, AzureTypes.Container, "eventgrid-deadletter"),
        };
        // One per onboarded shipper principal, each limited to its own prefix by a condition (ShipperUploads).
        expected.AddRange(CompiledTemplate.SampleShippers.Select(_ => new Grant(Roles.StorageBlobDataContributor, AzureTypes.Container, "attestations")));

        var actual = Grants().Select(grant => grant with { ScopeName = Normalise(grant) }).ToList();

        Assert.Equal(
            expected.OrderBy(grant => grant.ToString(), StringComparer.Ordinal),
            actual.OrderBy(grant => grant.ToString(), StringComparer.Ordinal));
    }

    /// <summary>Account, vault and component names are derived from a hash; only child names are asserted.</summary>
    private static string Normalise(Grant grant) =>
        grant.ScopeType is AzureTypes.StorageAccount or AzureTypes.KeyVault or AzureTypes.AppInsights ? "?" : grant.ScopeName;

    [Fact]
    public void No_owner_contributor_or_access_administrator_role_anywhere()
    {
        var forbidden = new[]
        {
            Roles.Owner, Roles.Contributor, Roles.UserAccessAdministrator, Roles.RoleBasedAccessControlAdministrator,
            Roles.StorageAccountContributor, Roles.KeyVaultAdministrator,
        };

        Assert.All(Grants(), grant => Assert.DoesNotContain(grant.RoleId, forbidden));
        Assert.All(forbidden, role => Assert.DoesNotContain(role, Template.Text, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Blob_data_owner_is_granted_only_on_the_deployment_container()
    {
        var owners = Grants().Where(grant => grant.RoleId == Roles.StorageBlobDataOwner);

        Assert.Equal(new Grant(Roles.StorageBlobDataOwner, AzureTypes.Container, "app-package"), Assert.Single(owners));
    }

    [Fact]
    public void Nothing_is_granted_at_resource_group_or_subscription_scope()
    {
        Assert.All(Grants(), grant => Assert.StartsWith("Microsoft.", grant.ScopeType, StringComparison.Ordinal));
    }

    [Fact]
    public void Operator_rotation_role_is_granted_only_when_an_operator_is_named()
    {
        var officer = Assert.Single(Template.OfType(AzureTypes.RoleAssignment), assignment => Describe(assignment).RoleId == Roles.KeyVaultSecretsOfficer);

        Assert.Equal(CompiledTemplate.OperatorPrincipalId, officer.Get("properties.principalId"));
        Assert.True(officer.Element.TryGetProperty("condition", out _));
    }
}
