using System.Text.Json;
using System.Text.Json.Nodes;

namespace PriceCapAttest.Infra.Tests;

/// <summary>infra/storage-names.json: the one list of container, queue, table and blob names.</summary>
public sealed record StorageNamesFile(
    IReadOnlyDictionary<string, string> Containers,
    IReadOnlyDictionary<string, string> Queues,
    IReadOnlyDictionary<string, string> Tables,
    IReadOnlyDictionary<string, string> Blobs,
    JsonNode Json)
{
    public static string FilePath => Path.Combine(BicepCli.InfraFolder, "storage-names.json");

    public static StorageNamesFile Load()
    {
        var json = JsonNode.Parse(File.ReadAllText(FilePath))!;
        return new StorageNamesFile(Section(json, "containers"), Section(json, "queues"), Section(json, "tables"), Section(json, "blobs"), json);
    }

    private static Dictionary<string, string> Section(JsonNode json, string name) =>
        json[name]!.AsObject().ToDictionary(pair => pair.Key, pair => pair.Value!.GetValue<string>());
}
