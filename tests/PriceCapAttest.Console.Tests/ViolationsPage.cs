using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/violations?regime=: a regulator's (its own regime) or operator's (any regime) violations, chart and CSV.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ViolationsPage(ConsoleFixture console)
{
    private const string CsvHeader = "regime,loadingDate,shipperId,attestationId,version,imo,vesselName,capUsdPerBbl,priceUsdPerBbl,ruleId,reasons,scheduleVersion,receivedAt,blobPath,sha256";

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_regulator_sees_the_violations_of_its_regime_with_links_and_a_chart(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.Regulator, "violations");
        await session.WaitForLoadedAsync();

        var page = session.Page;
        var row = page.Locator($"tr[data-attestation='{console.Sample.AttestationId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = console.Sample.AttestationId })).ToHaveAttributeAsync(
            "href", $"/console/attestations/{console.Sample.ShipperId}/{console.Sample.AttestationId}?version=1");
        await Assertions.Expect(page.GetByLabel("Regime")).ToBeDisabledAsync();
        await Assertions.Expect(page.GetByLabel("Regime")).ToHaveValueAsync("EU");

        // The sample was loaded on 2026-03-02: its month has a bar, named in the chart's label and in the table of numbers.
        var chart = page.GetByTestId("violations-chart").GetByRole(AriaRole.Img);
        await Assertions.Expect(chart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex("EU violations per month.*March 2026: [1-9]"));
        await Assertions.Expect(page.Locator("[data-bar='2026-03']")).ToBeVisibleAsync();
        var march = page.GetByTestId("violations-chart-table").Locator("tr[data-month='2026-03'] td");
        Assert.True(int.Parse(await march.TextContentAsync() ?? "0", System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("Violations – PriceCapAttest console", await page.TitleAsync());

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await session.ScreenshotAsync("violations", "regulator");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_regulator_downloads_the_violations_as_csv()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Regulator, "violations?regime=EU");
        await session.WaitForLoadedAsync();

        var download = await session.Page.RunAndWaitForDownloadAsync(async () =>
            await session.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" }).ClickAsync());

        Assert.Matches(@"^violations-EU-\d{4}-\d{2}-\d{2}\.csv$", download.SuggestedFilename);
        var file = await download.PathAsync();
        var lines = await File.ReadAllLinesAsync(file);
        Assert.Equal(CsvHeader, lines[0]);
        Assert.Contains(lines, l => l.StartsWith($"EU,2026-03-02,{console.Sample.ShipperId},{console.Sample.AttestationId},", StringComparison.Ordinal));
        await Assertions.Expect(session.Page.GetByTestId("download-status")).ToContainTextAsync(download.SuggestedFilename);

        // The key travelled in a header of the CSV request, never in an address.
        var csv = session.Requests.Single(r => r.Url.Contains("/api/violations", StringComparison.Ordinal) && r.Headers.GetValueOrDefault("accept") == "text/csv");
        Assert.Equal(ConsolePrincipals.Regulator.Key, csv.Headers["x-functions-key"]);
        Assert.DoesNotContain(session.Requests, r => r.Url.Contains(ConsolePrincipals.Regulator.Key, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_regulator_of_another_regime_sees_none_of_the_eu_violations_and_is_refused_eu_in_plain_words(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.UsRegulator, "violations");
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.GetByLabel("Regime")).ToHaveValueAsync("US");
        await Assertions.Expect(session.Page.Locator($"tr[data-attestation='{console.Sample.AttestationId}']")).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("No violation of US");

        await session.GotoAsync("violations?regime=EU");
        await session.WaitForLoadedAsync();

        var problem = session.Page.GetByTestId("problem");
        await Assertions.Expect(problem).ToHaveAttributeAsync("data-status", "403");
        await Assertions.Expect(problem).ToContainTextAsync("You may not see this");
        await Assertions.Expect(problem).ToContainTextAsync("You are the regulator of US: you may see the violations of US only, not those of EU.");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Download CSV" })).ToHaveCountAsync(0);
        await session.ScreenshotAsync("violations", "regulator-us-forbidden");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task An_operator_chooses_any_regime_and_the_filters_stay_in_the_address(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.Operator, "violations");

        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("Choose a regime");
        await session.Page.GetByLabel("Regime").SelectOptionAsync("EU");
        await session.Page.GetByLabel("Loaded from").FillAsync("2026-03-01");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await session.WaitForLoadedAsync();

        Assert.EndsWith("/console/violations?regime=EU&from=2026-03-01", session.Page.Url, StringComparison.Ordinal);
        await Assertions.Expect(session.Page.Locator($"tr[data-attestation='{console.Sample.AttestationId}']")).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByLabel("Regime")).ToBeEnabledAsync();
        await session.ScreenshotAsync("violations", "operator");
        await session.AssertAccessibleAsync();

        await session.GotoAsync("violations?regime=US");
        await session.WaitForLoadedAsync();
        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("No violation of US");
    }

    [Theory]
    [InlineData("Shipper")]
    [InlineData("Insurer")]
    public async Task A_role_that_may_not_use_the_violations_page_sees_nothing_and_asks_nothing(string role)
    {
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), "violations?regime=EU");

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Nothing for your role here" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("This page is for regulators and operators");
        Assert.DoesNotContain(session.Requests, r => r.Url.Contains("/api/violations", StringComparison.Ordinal));
        await session.ScreenshotAsync("violations", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }
}
