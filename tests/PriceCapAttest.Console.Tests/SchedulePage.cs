using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/schedule?asOf=: the caps in force with their sources for every role; operators dry-run a proposed schedule.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SchedulePage(ConsoleFixture console)
{
    [Theory]
    [MemberData(nameof(Widths.ForRoles), "Shipper,Insurer,Regulator,Operator", MemberType = typeof(Widths))]
    public async Task Each_role_sees_the_caps_in_force_with_their_sources(string role, int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), "schedule?asOf=2026-03-02");
        await session.WaitForLoadedAsync();

        var page = session.Page;
        await Assertions.Expect(page.GetByLabel("Caps in force on")).ToHaveValueAsync("2026-03-02");
        await Assertions.Expect(page.GetByTestId("as-of")).ToHaveTextAsync("2026-03-02");
        var eu = page.Locator("tr[data-regime='EU'][data-category='crude']");
        await Assertions.Expect(eu).ToContainTextAsync("$44.10");
        await Assertions.Expect(eu).ToContainTextAsync("Commission Implementing Regulation (EU) 2026/124");
        await Assertions.Expect(eu).ToContainTextAsync("2026-02-01");
        await Assertions.Expect(eu).ToContainTextAsync("2026-07-15");
        await Assertions.Expect(eu.Locator("summary")).ToHaveTextAsync("Source");
        await Assertions.Expect(eu.Locator("details a").First).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^https://"));
        // Today (the clock's) is past the EU crude cap's July 2026 review with no later period: the page says so, visibly.
        await Assertions.Expect(page.GetByTestId("schedule-warnings")).ToContainTextAsync("The schedule is stale");
        await Assertions.Expect(page.GetByTestId("schedule-warnings").Locator("[data-warning='EU-CRUDE-2026-02-01']")).ToBeVisibleAsync();
        await Assertions.Expect(eu.GetByTestId("past-review")).ToBeVisibleAsync();
        Assert.Equal("Cap schedule – PriceCapAttest console", await page.TitleAsync());
        var proposed = page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Proposed schedule" });
        await Assertions.Expect(proposed).ToHaveCountAsync(role == "Operator" ? 1 : 0);

        Assert.Equal("", await page.EvaluateAsync<string>(Overflowing));
        await session.ScreenshotAsync("schedule", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_as_of_date_is_kept_in_the_address()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Insurer, "schedule");
        await session.WaitForLoadedAsync();

        await session.Page.GetByLabel("Caps in force on").FillAsync("2025-01-10");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await session.WaitForLoadedAsync();

        Assert.EndsWith("/console/schedule?asOf=2025-01-10", session.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(session.Page.Locator("tr[data-regime='EU'][data-category='crude']")).ToContainTextAsync("$60.00");
        Assert.Contains(session.Requests, r => r.Url.Contains("/api/schedule?asOf=2025-01-10", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task An_operator_posts_a_proposed_schedule_and_sees_the_cap_changes_and_the_verdicts_that_would_change(int width)
    {
        var file = Path.Combine(Path.GetTempPath(), $"proposed-schedule-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, await ProposedAsync());
        try
        {
            await using var session = await ConsoleSession.OpenAsync(console, width);
            await session.SignInAsync(ConsolePrincipals.Operator, "schedule");
            await session.WaitForLoadedAsync();

            await session.Page.GetByLabel("Schedule file (JSON)").SetInputFilesAsync(file);
            await Assertions.Expect(session.Page.GetByLabel("Schedule JSON")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("console-test"));
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Check what would change" }).ClickAsync();

            var report = session.Page.GetByTestId("dry-run");
            await Assertions.Expect(report).ToContainTextAsync("Proposed schedule 2026-12-01.console-test");
            await Assertions.Expect(session.Page.GetByTestId("cap-changes")).ToContainTextAsync("EU-CRUDE-2026-02-01");
            await Assertions.Expect(session.Page.GetByTestId("impact")).ToContainTextAsync("would change");
            var row = session.Page.GetByTestId("dry-run-attestations").Locator($"tr[data-attestation='{console.Sample.AttestationId}']");
            await Assertions.Expect(row).ToBeVisibleAsync();
            await Assertions.Expect(row).ToContainTextAsync("EU:");
            await Assertions.Expect(row.Locator("td").Nth(3).Locator("[data-verdict='Violation']")).ToHaveCountAsync(1);
            await Assertions.Expect(session.Page.GetByTestId("dry-run-counts")).ToContainTextAsync("EU");
            Assert.Equal("", await session.Page.EvaluateAsync<string>(Overflowing));
            await session.ScreenshotAsync("schedule-dry-run", "operator");
            await session.AssertAccessibleAsync();
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_schedule_the_pipeline_would_refuse_shows_its_problems_at_the_field()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Operator, "schedule");
        await session.WaitForLoadedAsync();

        var field = session.Page.GetByLabel("Schedule JSON");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Check what would change" }).ClickAsync();
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(session.Page.GetByTestId("schedule-errors")).ToContainTextAsync("Choose a schedule file or paste its JSON.");

        await field.FillAsync("{ \"version\": ");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Check what would change" }).ClickAsync();

        var errors = session.Page.GetByTestId("schedule-errors");
        await Assertions.Expect(errors).ToContainTextAsync("would be refused");
        await Assertions.Expect(errors).ToContainTextAsync("not a valid cap schedule document");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(field).ToHaveAttributeAsync("aria-describedby", "schedule-hint schedule-errors");
        await Assertions.Expect(session.Page.GetByTestId("dry-run")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("schedule-invalid", "operator");
        await session.AssertAccessibleAsync();
    }

    /// <summary>How far the page reaches past the right edge of the window: "" when it does not scroll sideways (its tables scroll inside).</summary>
    private const string Overflowing = """
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth
          ? `scrollWidth ${document.documentElement.scrollWidth} > ${document.documentElement.clientWidth}` : ""
        """;

    /// <summary>The embedded schedule with the EU crude cap of the sample's loading date raised above its price (made up, not a legal fact).</summary>
    private static async Task<string> ProposedAsync()
    {
        var root = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("src/PriceCapAttest.Domain/Schedule/cap-schedule.json")))!.AsObject();
        root["version"] = "2026-12-01.console-test";
        var eu = root["periods"]!.AsArray().Single(p => (string)p!["ruleId"]! == "EU-CRUDE-2026-02-01")!;
        eu["capUsdPerBbl"] = 47.00m;
        return root.ToJsonString();
    }
}
