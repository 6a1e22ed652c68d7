using System.Text.Json.Nodes;

namespace PriceCapAttest.Infra.Tests;

/// <summary>
/// The template creates exactly the containers, queues and tables of infra/storage-names.json (which the code mirrors
/// in PriceCapAttest.Pipeline.StorageNames), plus the platform containers named here. A rename in one place only fails.
/// </summary>
public class StorageNamesDrift
{
    /// <summary>Containers the platform needs that the code never touches.</summary>
    public static readonly IReadOnlySet<string> PlatformContainers = new HashSet<string>(StringComparer.Ordinal)
    {
        "app-package",          // Flex Consumption deployment packages
        "eventgrid-deadletter", // Event Grid dead letters for the blob trigger subscription
    };

    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;
    private static readonly StorageNamesFile Names = StorageNamesFile.Load();

    private static SortedSet<string> Created(string type) =>
        new(Template.OfType(type).Select(resource => resource.LeafName), StringComparer.Ordinal);

    [Fact]
    public void Template_embeds_storage_names_json_unchanged()
    {
        var embedded = Template.Scopes
            .Where(scope => scope.Template.TryGetProperty("variables", out _))
            .SelectMany(scope => scope.Template.GetProperty("variables").EnumerateObject())
            .Select(variable => JsonNode.Parse(variable.Value.GetRawText()))
            .Any(value => JsonNode.DeepEquals(value, Names.Json));

        Assert.True(embedded, "no template variable equals infra/storage-names.json: load it with loadJsonContent('../storage-names.json')");
    }

    [Fact]
    public void Containers_are_exactly_those_in_storage_names_plus_platform_containers()
    {
        var expected = new SortedSet<string>(Names.Containers.Values.Concat(PlatformContainers), StringComparer.Ordinal);

        Assert.Equal(expected, Created(AzureTypes.Container));
    }

    [Fact]
    public void Queues_are_exactly_those_in_storage_names()
    {
        Assert.Equal(new SortedSet<string>(Names.Queues.Values, StringComparer.Ordinal), Created(AzureTypes.Queue));
    }

    [Fact]
    public void Every_queue_has_its_poison_queue()
    {
        var queues = Names.Queues.Values.ToHashSet(StringComparer.Ordinal);

        Assert.All(queues.Where(queue => !queue.EndsWith("-poison", StringComparison.Ordinal)),
            queue => Assert.Contains($"{queue}-poison", queues));
        Assert.Contains("webjobs-blobtrigger-poison", queues);
    }

    [Fact]
    public void Tables_are_exactly_those_in_storage_names()
    {
        Assert.Equal(new SortedSet<string>(Names.Tables.Values, StringComparer.Ordinal), Created(AzureTypes.Table));
    }

    [Fact]
    public void Cap_schedule_blob_name_reaches_the_app_settings()
    {
        Assert.Equal(Names.Blobs["capSchedule"], AppSettingsTemplate.Settings()["Schedule__BlobName"]);
    }

    [Fact]
    public void Every_name_is_valid_for_azure_storage()
    {
        Assert.All(Names.Containers.Values.Concat(Names.Queues.Values), name =>
            Assert.Matches("^[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]$", name));
        Assert.All(Names.Tables.Values, name => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", name));
    }

    [Fact]
    public void Expanded_resource_names_are_fully_known()
    {
        var storage = Template.Resources.Where(resource =>
            resource.Type is AzureTypes.Container or AzureTypes.Queue or AzureTypes.Table);

        Assert.All(storage, resource => Assert.DoesNotContain("?", resource.LeafName, StringComparison.Ordinal));
    }
}
