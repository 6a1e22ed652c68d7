using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Api.Tests;

/// <summary><c>pricecap rescreen</c> against the running local host (in-process CLI, regulator key).</summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class RescreenCommandAgainstTheLocalHost(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task A_Dry_Run_Of_The_Schedule_In_Force_Answers_In_The_Documented_Shape_And_Changes_Nothing()
    {
        var directory = Directory.CreateTempSubdirectory("pricecap-rescreen-");
        try
        {
            var file = Path.Combine(directory.FullName, "same-schedule.json");
            await File.WriteAllTextAsync(file, CapScheduleLoader.DefaultJson());

            var json = await InProcessCli.RunAsync("rescreen", "--schedule", file, "--dry-run", "--format", "json",
                "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey);
            var table = await InProcessCli.RunAsync("rescreen", "--schedule", file, "--dry-run",
                "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey);

            Assert.True(json.ExitCode == 0, json.ToString());
            var schema = OpenApiDocument.ResponseSchemaName("/rescreens/dry-run", "post", 200, "application/json");
            var (valid, errors) = OpenApiDocument.Validate(schema, json.StandardOutput);
            Assert.True(valid, errors);
            Assert.Equal(0, JsonNode.Parse(json.StandardOutput)!["changed"]!.GetValue<int>());
            Assert.True(table.ExitCode == 0, table.ToString());
            Assert.Contains("Publishing it would change no stored verdict.", table.Output, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_Schedule_The_Pipeline_Would_Refuse_Shows_The_400_Problem_And_Its_Reasons()
    {
        var directory = Directory.CreateTempSubdirectory("pricecap-rescreen-");
        try
        {
            var document = JsonNode.Parse(CapScheduleLoader.DefaultJson())!.AsObject();
            var periods = document["periods"]!.AsArray();
            periods.Add(periods[0]!.DeepClone()); // the same period twice: overlapping periods
            var file = Path.Combine(directory.FullName, "bad-schedule.json");
            await File.WriteAllTextAsync(file, document.ToJsonString());

            var run = await InProcessCli.RunAsync("rescreen", "--schedule", file, "--dry-run",
                "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey);

            Assert.True(run.ExitCode == 1, run.ToString());
            Assert.Contains("400 Invalid cap schedule: The proposed schedule would be refused", run.Error, StringComparison.Ordinal);
            Assert.Contains("  - body: ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Status_Lists_The_Runs_With_The_Operator_Key_And_An_Insurer_Key_Gets_The_403_Problem()
    {
        var runs = await InProcessCli.RunAsync("rescreen", "--status", "--format", "json",
            "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.OperatorKey);
        var insurer = await InProcessCli.RunAsync("rescreen", "--status",
            "--api", pipeline.ApiBase.AbsoluteUri, "--key", LocalPipelineFixture.InsurerKey);

        Assert.True(runs.ExitCode == 0, runs.ToString());
        var (valid, errors) = OpenApiDocument.Validate(OpenApiDocument.ResponseSchemaName("/rescreens", "get", 200, "application/json"), runs.StandardOutput);
        Assert.True(valid, errors);
        Assert.Equal(1, insurer.ExitCode);
        Assert.Contains("403", insurer.Error, StringComparison.Ordinal);
    }
}
