using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// <c>pricecap submit</c> (uploads to the local host's storage, receipts through its API) and <c>pricecap status</c>
/// against the running local host (in-process CLI).
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class SubmitAndStatusAgainstTheLocalHost(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task Submit_Uploads_Waits_For_The_Receipt_And_Exits_2_For_A_Violation()
    {
        var shipper = LocalPipelineFixture.NewShipper();
        var run = await RunAsync("submit", "--shipper", shipper, "--connection", pipeline.StorageConnectionString,
            "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey, "--timeout", "60",
            "--format", "json", BuildInfo.RepositoryFile("samples/json/violation-eu.json"));

        Assert.True(run.ExitCode == 2, run.ToString());
        var receipts = JsonNode.Parse(run.StandardOutput)!.AsArray();
        var receipt = Assert.Single(receipts)!;
        Assert.Equal($"attestations/{shipper}/violation-eu.json", receipt["blobPath"]!.GetValue<string>());
        Assert.Equal("Processed", receipt["status"]!.GetValue<string>());
        Assert.Equal("Violation", receipt["attestations"]![0]!["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submit_Of_A_Directory_Keeps_Relative_Names_And_Exits_0_When_All_Is_Compliant_Or_Exempt()
    {
        var shipper = LocalPipelineFixture.NewShipper();
        var directory = Directory.CreateTempSubdirectory("pricecap-submit-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "march"));
            File.Copy(BuildInfo.RepositoryFile("samples/json/compliant-fob.json"), Path.Combine(directory.FullName, "march", "fob.json"));
            var run = await RunAsync("submit", "--shipper", shipper, "--connection", pipeline.StorageConnectionString,
                "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey, directory.FullName);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains($"attestations/{shipper}/march/fob.json", run.Output, StringComparison.Ordinal);
            Assert.Contains("Compliant", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Status_Prints_The_Api_Answer_Of_An_Attestation()
    {
        var sample = await pipeline.RecordedSampleAsync();
        var run = await RunAsync("status", "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.InsurerKey,
            "--shipper", sample.ShipperId, "--attestation", sample.AttestationId, "--format", "json");

        Assert.True(run.ExitCode == 2, run.ToString());
        var (valid, errors) = OpenApiDocument.Validate("AttestationAnswer", run.StandardOutput);
        Assert.True(valid, errors);
    }

    [Fact]
    public async Task Status_Of_A_Vessel_Lists_Its_Attestations()
    {
        var sample = await pipeline.RecordedSampleAsync();
        var run = await RunAsync("status", "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.InsurerKey, "--vessel", "9074729");

        Assert.True(run.ExitCode is 0 or 2, run.ToString());
        Assert.Contains($"{sample.ShipperId}/{sample.AttestationId}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Of_An_Unknown_Attestation_Or_With_A_Wrong_Key_Exits_1_With_The_Problem()
    {
        var unknown = await RunAsync("status", "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.InsurerKey,
            "--shipper", "nobody", "--attestation", "NOTHING");
        var wrongKey = await RunAsync("status", "--api", pipeline.ApiBase.AbsoluteUri, "--key", "wrong-key-value",
            "--shipper", "nobody", "--attestation", "NOTHING");

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("404", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("401", wrongKey.Error, StringComparison.Ordinal);
    }

    private static Task<CliRun> RunAsync(params string[] args) => InProcessCli.RunAsync(args);
}
