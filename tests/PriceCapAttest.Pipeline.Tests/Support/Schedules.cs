using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Pipeline.Tests.Support;

/// <summary>
/// Cap schedules for the re-screening tests and benchmark (linked into both): the embedded schedule, and corrections of it that confirm an EU and a GB
/// crude cap from the July 2026 review on. The corrected values are made up for the tests, not legal facts.
/// </summary>
internal static class Schedules
{
    public static readonly DateOnly Review = new(2026, 7, 15);

    /// <summary>The embedded schedule with EU and GB crude caps of <paramref name="cap"/> confirmed from the July 2026 review.</summary>
    public static string Corrected(decimal cap, string version)
    {
        var root = JsonNode.Parse(CapScheduleLoader.DefaultJson())!.AsObject();
        root["version"] = version;
        var periods = root["periods"]!.AsArray();
        foreach (var regime in new[] { "EU", "GB" })
        {
            var open = periods.Single(p => (string)p!["regime"]! == regime && (string)p["category"]! == "crude" && p["to"] is null)!.AsObject();
            open["to"] = Review.ToString("yyyy-MM-dd");
            open.Remove("knownUntil");
            periods.Add(new JsonObject
            {
                ["ruleId"] = $"{regime}-CRUDE-2026-07-15-TEST",
                ["regime"] = regime,
                ["category"] = "crude",
                ["capUsdPerBbl"] = cap,
                ["from"] = Review.ToString("yyyy-MM-dd"),
                ["to"] = null,
                ["instrument"] = "test correction",
                ["source"] = "made up for re-screening tests and benchmarks",
                ["status"] = "confirmed",
            });
        }

        return root.ToJsonString();
    }
}
