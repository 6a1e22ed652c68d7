using System.Text.Json;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary><c>pricecap check --format json</c> prints exactly the result array on stdout, nothing else.</summary>
public sealed class CheckJsonOutput
{
    private const string ViolationEuExpected = """
        [
          {
            "source": "samples/json/violation-eu.json",
            "index": 0,
            "attestationId": "ATT-2026-0043",
            "verdict": "Violation",
            "reasons": ["PriceAboveCap"],
            "regimes": [
              { "regime": "EU", "verdict": "Violation", "capUsdPerBbl": 44.10, "priceUsdPerBbl": 46.00,
                "ruleId": "EU-CRUDE-2026-02-01", "reasons": ["PriceAboveCap"] },
              { "regime": "US", "verdict": "Compliant", "capUsdPerBbl": 60.00, "priceUsdPerBbl": 46.00,
                "ruleId": "US-CRUDE-2022-12-05", "reasons": ["PriceAtOrBelowCap"] }
            ],
            "flags": ["StsTransfer"],
            "errors": [],
            "scheduleVersion": "2026-12-01.1"
          }
        ]
        """;

    [Fact]
    public async Task Process_Stdout_Is_Exactly_The_Result_Array()
    {
        var run = await CliProcess.RunAsync("check", "--format", "json", "samples/json/violation-eu.json");

        Assert.Equal(2, run.ExitCode);
        JsonAssert.Equal(ViolationEuExpected, run.Stdout);
        Assert.Equal("", run.Stderr);
    }

    [Fact]
    public async Task InProcess_Json_Matches_The_Process_Output_Shape()
    {
        var run = await InProcessCli.RunAsync(["check", "--format", "json", RepoPaths.Sample("json/violation-eu.json")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Out);
        using var document = JsonDocument.Parse(run.StandardOutput);
        var result = Assert.Single(document.RootElement.EnumerateArray().ToList());
        Assert.Equal("Violation", result.GetProperty("verdict").GetString());
        Assert.Equal(44.10m, result.GetProperty("regimes")[0].GetProperty("capUsdPerBbl").GetDecimal());
    }

    [Fact]
    public async Task Many_Files_Give_One_Array_In_Path_Order()
    {
        var run = await CliProcess.RunAsync("check", "--format", "json",
            "samples/json/violation-eu.json", "samples/json/compliant-fob.json");

        using var document = JsonDocument.Parse(run.Stdout);
        var sources = document.RootElement.EnumerateArray().Select(r => r.GetProperty("source").GetString()).ToList();
        Assert.Equal(["samples/json/violation-eu.json", "samples/json/compliant-fob.json"], sources);
    }

    [Fact]
    public async Task No_Files_Found_Is_An_Empty_Array_And_Exit_0()
    {
        using var empty = new TempDirectory();
        empty.Write("notes.txt", "not an attestation");

        var run = await InProcessCli.RunAsync(["check", "--format", "json", empty.Path]);

        Assert.Equal(0, run.ExitCode);
        JsonAssert.Equal("[]", run.StandardOutput);
    }
}
