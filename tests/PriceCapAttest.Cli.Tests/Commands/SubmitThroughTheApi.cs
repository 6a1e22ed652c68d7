using System.Text.Json.Nodes;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Tests.Infrastructure;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// <c>pricecap submit</c> without --account-url or --connection: each file is POSTed to <c>attestations?name=</c> with
/// its content type and the shipper key, the receipt is read where the 202's Location says; a refused document shows
/// its problem and fields and makes the exit code 1.
/// </summary>
public sealed class SubmitThroughTheApi
{
    private static readonly string Json = RepoPaths.Sample("json/compliant-fob.json");
    private static readonly string Csv = RepoPaths.Sample("csv/compliant-fob.csv");

    [Fact]
    public async Task Posts_Each_Document_With_Its_Content_Type_Follows_Location_And_Prints_The_Verdicts()
    {
        await using var api = new StubApi()
            .AcceptAndProcess("demo", "compliant-fob.json", Json, Verdict.Compliant)
            .AcceptAndProcess("demo", "compliant-fob.csv", Csv, Verdict.Exempt);

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, "--timeout", "10", Json, Csv]);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var posts = api.Requests.Where(r => r.Request.StartsWith("POST ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["POST /api/attestations?name=compliant-fob.json", "POST /api/attestations?name=compliant-fob.csv"], posts.Select(p => p.Request));
        Assert.Equal(["application/json", "text/csv"], posts.Select(p => p.ContentType));
        Assert.Equal(File.ReadAllText(Json), posts[0].Body);
        Assert.Equal(File.ReadAllText(Csv), posts[1].Body);
        Assert.All(api.Requests, r => Assert.Equal(ApiCaller.Shipper.DevelopmentKey, r.Key));
        Assert.Contains(api.Requests, r => r.Request == "GET /api/receipts/demo/compliant-fob.json?from=location");
        Assert.Contains("attestations/demo/compliant-fob.json", run.Out, StringComparison.Ordinal);
        Assert.Contains("Compliant", run.Out, StringComparison.Ordinal);
        Assert.Contains("Exempt", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Violation_Exits_2_And_Json_Prints_The_Receipts()
    {
        await using var api = new StubApi().AcceptAndProcess("demo", "compliant-fob.json", Json, Verdict.Violation);

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, "--format", "json", Json]);

        Assert.True(run.ExitCode == 2, run.Error);
        var receipt = Assert.Single(JsonNode.Parse(run.StandardOutput)!.AsArray())!;
        Assert.Equal("attestations/demo/compliant-fob.json", receipt["blobPath"]!.GetValue<string>());
        Assert.Equal("Violation", receipt["attestations"]![0]!["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_400_Problem_For_One_Document_Shows_Its_Field_And_Message_And_Exits_1()
    {
        await using var api = new StubApi()
            .AcceptAndProcess("demo", "compliant-fob.json", Json, Verdict.Compliant)
            .Answer("POST /api/attestations?name=compliant-fob.csv", 400,
                """{"type":"urn:pricecapattest:problem:invalid-request","title":"Invalid request","status":400,"detail":"The document cannot be stored.","instance":"/api/attestations","errors":[{"field":"body","message":"The document is empty."}]}""",
                "application/problem+json");

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, "--timeout", "10", Json, Csv]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refused:", run.Error, StringComparison.Ordinal);
        Assert.Contains("compliant-fob.csv: 400 Invalid request: The document cannot be stored.", run.Error, StringComparison.Ordinal);
        Assert.Contains("- body: The document is empty.", run.Error, StringComparison.Ordinal);
        Assert.Contains("Compliant", run.Out, StringComparison.Ordinal);
        Assert.Contains("1 refused by the API", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("no receipt within", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_403_Stops_With_The_Role_The_Command_Needs()
    {
        await using var api = new StubApi().Answer("POST /api/attestations?name=compliant-fob.json", 403,
            """{"type":"urn:pricecapattest:problem:forbidden","title":"Forbidden","status":403,"detail":"This route is for shippers.","instance":"/api/attestations","errors":[]}""",
            "application/problem+json");

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, "--key", "local-insurer-key", Json]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("403 Forbidden: This route is for shippers.", run.Error, StringComparison.Ordinal);
        Assert.Contains("calls the API as Shipper", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("local-insurer-key", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Files_In_Sub_Directories_Are_Flattened_With_Underscores()
    {
        using var dir = new TempDirectory();
        var file = dir.Copy(Json, "march/fob.json");
        await using var api = new StubApi().AcceptAndProcess("demo", "march_fob.json", file, Verdict.Compliant);

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, "--timeout", "10", dir.Path]);

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains(api.Requests, r => r.Request == "POST /api/attestations?name=march_fob.json");
    }

    [Fact]
    public async Task A_Name_The_Route_Would_Refuse_Exits_1_Before_Anything_Is_Sent()
    {
        using var dir = new TempDirectory();
        dir.Copy(Json, "ok.json");
        dir.Copy(Json, "cargo march.json");
        await using var api = new StubApi();

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, dir.Path]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("may hold only letters, digits, '.', '_' and '-'", run.Error, StringComparison.Ordinal);
        Assert.Contains("as 'cargo march.json'", run.Error, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Shipper_Without_Storage_Options_Exits_1_Saying_The_Api_Decides_The_Shipper()
    {
        await using var api = new StubApi();

        var run = await InProcessCli.RunAsync(["submit", "--shipper", "demo", "--api", api.Base, Json]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--shipper goes only with --account-url or --connection", run.Error + run.Out, StringComparison.Ordinal);
        Assert.Empty(api.Requests);
    }

    [Fact]
    public async Task Storage_Options_Without_Shipper_Exit_1()
    {
        var run = await InProcessCli.RunAsync(["submit", "--connection", "UseDevelopmentStorage=true", "--api", StubApi.Unreachable(), Json]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--shipper is required with --account-url or --connection", run.Error + run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Location_On_Another_Host_Is_Not_Followed()
    {
        await using var api = new StubApi().Answer("POST /api/attestations?name=compliant-fob.json", 202,
            """{"shipperId":"demo","name":"compliant-fob.json","blobPath":"attestations/demo/compliant-fob.json","receipt":"x"}""",
            location: "https://elsewhere.example/api/receipts/demo/compliant-fob.json");

        var run = await InProcessCli.RunAsync(["submit", "--api", api.Base, Json]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("not on the API's address", run.Error, StringComparison.Ordinal);
    }
}
