using System.Text.RegularExpressions;

namespace PriceCapAttest.Infra.Tests;

/// <summary>azure.yaml, the postdeploy hooks and the template's outputs fit together.</summary>
public partial class DeploymentContract
{
    private static readonly CompiledTemplate Template = CompiledTemplate.Instance;
    private static readonly string Root = Path.GetFullPath(Path.Combine(BicepCli.InfraFolder, ".."));

    private static IReadOnlyDictionary<string, object?> Outputs()
    {
        var outputs = Template.Document.RootElement.GetProperty("outputs");
        return outputs.EnumerateObject().ToDictionary(output => output.Name, output => Template.Main.Evaluate(output.Value.GetProperty("value")), StringComparer.Ordinal);
    }

    [GeneratedRegex(@"\$\{?(?:env:)?([A-Z][A-Z0-9_]+)")]
    private static partial Regex EnvironmentVariable();

    public static TheoryData<string> Hooks() => new() { "infra/hooks/postdeploy.sh", "infra/hooks/postdeploy.ps1" };

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Every_variable_a_hook_reads_is_a_template_output(string hook)
    {
        var text = File.ReadAllText(Path.Combine(Root, hook));
        var outputs = Outputs();
        var read = EnvironmentVariable().Matches(text).Select(match => match.Groups[1].Value)
            .Where(name => name.StartsWith("AZURE_", StringComparison.Ordinal) || name.StartsWith("EVENTGRID_", StringComparison.Ordinal)
                           || name.EndsWith("_CONTAINER", StringComparison.Ordinal) || name.EndsWith("_FUNCTION_NAME", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(read);
        Assert.All(read, name => Assert.True(outputs.ContainsKey(name), $"{hook} reads {name}, which main.bicep does not output"));
    }

    [Theory]
    [MemberData(nameof(Hooks))]
    public void Hook_subscribes_blob_created_under_attestations_with_dead_lettering(string hook)
    {
        var text = File.ReadAllText(Path.Combine(Root, hook));

        Assert.Contains("Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
        Assert.Contains("/blobServices/default/containers/", text, StringComparison.Ordinal);
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", text, StringComparison.Ordinal);
        Assert.Contains("systemKeys.blobs_extension", text, StringComparison.Ordinal);
        Assert.Contains("deadLetterWithResourceIdentity", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Outputs_name_the_attestations_and_dead_letter_containers()
    {
        var outputs = Outputs();

        Assert.Equal(StorageNamesFile.Load().Containers["attestations"], outputs["ATTESTATIONS_CONTAINER"]);
        Assert.Equal("eventgrid-deadletter", outputs["EVENTGRID_DEADLETTER_CONTAINER"]);
        Assert.Equal("IngestAttestation", outputs["INGEST_FUNCTION_NAME"]);
    }

    [Fact]
    public void Azure_yaml_runs_both_hooks_after_deploy_and_deploys_the_function_app()
    {
        var yaml = File.ReadAllText(Path.Combine(Root, "azure.yaml"));

        Assert.Contains("postdeploy:", yaml, StringComparison.Ordinal);
        Assert.Contains("infra/hooks/postdeploy.sh", yaml, StringComparison.Ordinal);
        Assert.Contains("infra/hooks/postdeploy.ps1", yaml, StringComparison.Ordinal);
        Assert.Contains("host: function", yaml, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^  api:\s*$", yaml);
    }

    [Fact]
    public void Parameters_file_sets_only_declared_parameters()
    {
        using var file = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(BicepCli.InfraFolder, "main.parameters.json")));
        var declared = Template.Document.RootElement.GetProperty("parameters");

        Assert.All(file.RootElement.GetProperty("parameters").EnumerateObject(), parameter =>
            Assert.True(declared.TryGetProperty(parameter.Name, out _), $"main.parameters.json sets undeclared '{parameter.Name}'"));
    }
}
