using PriceCapAttest.Infra.Tests.Arm;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// Direct upload by onboarded shippers (docs/deploy.md, "Onboarding a shipper"): per principal of the shippers
/// parameter one Storage Blob Data Contributor assignment on the attestations container, whose ABAC condition keeps
/// every blob action under the shipper's own prefix.
/// </summary>
public class ShipperUploads
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;

    /// <summary>The condition each assignment must carry, with the shipper's prefix in place of SHIPPER_PREFIX.</summary>
    private const string ExpectedCondition = """
        (
         (
          !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
          AND
          !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
          AND
          !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
          AND
          !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND NOT SubOperationMatches{'Blob.List'})
         )
         OR
         (
          @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'attestations'
          AND
          @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'SHIPPER_PREFIX'
         )
        )
        AND
        (
         (
          !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'} AND SubOperationMatches{'Blob.List'})
         )
         OR
         (
          @Resource[Microsoft.Storage/storageAccounts/blobServices/containers:name] StringEquals 'attestations'
          AND
          @Request[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:prefix] StringStartsWith 'SHIPPER_PREFIX'
         )
        )
        """;

    private static List<DeployedResource> Uploads(IEnumerable<DeployedResource> resources) =>
        resources.Where(resource => resource.Type == AzureTypes.RoleAssignment && resource.Scope.Path.EndsWith("/shipperUploads", StringComparison.Ordinal)).ToList();

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    [Fact]
    public void One_conditioned_blob_contributor_assignment_per_shipper_on_the_attestations_container()
    {
        var uploads = Uploads(Template.Resources);

        Assert.Equal(CompiledTemplate.SampleShippers.Count, uploads.Count);
        Assert.All(CompiledTemplate.SampleShippers, shipper =>
        {
            var upload = Assert.Single(uploads, assignment => (string?)assignment.Get("properties.principalId") == shipper.PrincipalId);
            Assert.EndsWith($"/roleDefinitions/{Roles.StorageBlobDataContributor}", TemplateScope.Render(upload.Get("properties.roleDefinitionId")), StringComparison.Ordinal);
            Assert.EndsWith("/blobServices/default/containers/attestations", TemplateScope.Render(upload.Scope.Evaluate(upload.Element.GetProperty("scope"), upload.CopyIndex)), StringComparison.Ordinal);
            Assert.Equal(shipper.PrincipalType ?? "ServicePrincipal", upload.Get("properties.principalType"));
        });
    }

    [Fact]
    public void Each_condition_is_version_2_and_names_the_shippers_own_prefix_exactly()
    {
        var uploads = Uploads(Template.Resources);

        Assert.All(CompiledTemplate.SampleShippers, shipper =>
        {
            var upload = Assert.Single(uploads, assignment => (string?)assignment.Get("properties.principalId") == shipper.PrincipalId);
            var condition = Assert.IsType<string>(upload.Get("properties.condition"));

            Assert.Equal("2.0", upload.Get("properties.conditionVersion"));
            Assert.Equal(Normalise(ExpectedCondition.Replace("SHIPPER_PREFIX", $"{shipper.ShipperId}/", StringComparison.Ordinal)), Normalise(condition));
            Assert.All(CompiledTemplate.SampleShippers.Where(other => other.ShipperId != shipper.ShipperId),
                other => Assert.DoesNotContain($"'{other.ShipperId}/'", condition, StringComparison.Ordinal));
        });
    }

    [Fact]
    public void The_condition_covers_every_data_action_of_the_role_that_storage_uses_without_a_hierarchical_namespace()
    {
        // Storage Blob Data Contributor: blobs/read, write, add/action, delete (and move/action, HNS accounts only).
        foreach (var action in new[] { "blobs/read", "blobs/write", "blobs/add/action", "blobs/delete" })
        {
            Assert.Contains($"containers/{action}'", ExpectedCondition, StringComparison.Ordinal);
        }

        Assert.False(Template.Single(AzureTypes.StorageAccount).Element.GetProperty("properties").TryGetProperty("isHnsEnabled", out var hns) && hns.GetBoolean());
    }

    [Fact]
    public void No_assignment_when_no_shipper_is_onboarded()
    {
        Assert.Empty(Uploads(Template.ResourcesWith("shippers", new List<object?>())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("acme ship")]
    [InlineData("acme'ship")]
    [InlineData("ACMÉ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("x123456789x123456789x123456789x123456789x123456789x123456789x1234")]
    public void A_bad_shipper_id_fails_the_deployment(string shipperId)
    {
        var shippers = CompiledTemplate.ShippersParameter([.. CompiledTemplate.SampleShippers, (shipperId, "66666666-6666-6666-6666-666666666666", null)]);

        var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith("shippers", shippers));

        Assert.Contains("shipper id", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_longest_and_most_varied_valid_id_is_accepted()
    {
        var id = "Az09._-" + new string('x', 57);
        var shippers = CompiledTemplate.ShippersParameter([(id, "66666666-6666-6666-6666-666666666666", "User")]);

        var upload = Assert.Single(Uploads(Template.ResourcesWith("shippers", shippers)));

        Assert.Contains($"StringStartsWith '{id}/'", Assert.IsType<string>(upload.Get("properties.condition")), StringComparison.Ordinal);
    }

    public static TheoryData<string, string?, string> BadPrincipals() => new()
    {
        { "not-a-guid", null, "principalId" },
        { "", null, "principalId" },
        { "66666666-6666-6666-6666-666666666666", "Application", "principalType" },
        { CompiledTemplate.SampleShippers[0].PrincipalId, null, "more than once" },
    };

    [Theory]
    [MemberData(nameof(BadPrincipals))]
    public void A_bad_or_shared_principal_fails_the_deployment(string principalId, string? principalType, string message)
    {
        var shippers = CompiledTemplate.ShippersParameter([.. CompiledTemplate.SampleShippers, ("OTHER-SHIP", principalId, principalType)]);

        var failure = Assert.Throws<TemplateFailure>(() => Template.ResourcesWith("shippers", shippers));

        Assert.Contains(message, failure.Message, StringComparison.Ordinal);
    }
}
