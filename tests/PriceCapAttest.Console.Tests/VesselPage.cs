using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/vessels/{imo}: an insurer's (or operator's) view of a vessel's attestations and their verdicts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class VesselPage(ConsoleFixture console)
{
    private const string Path = "vessels/" + ConsoleFixture.SampleImo;

    [Fact]
    public async Task An_insurer_sees_a_fresh_upload_on_the_vessel_page_with_its_verdict()
    {
        var id = "ATT-CONSOLE-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var recorded = await console.UploadAsync(id + ".json", await File.ReadAllTextAsync(RepositoryRoot.File("samples/json/violation-eu.json")), id);
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.SignInAsync(ConsolePrincipals.Insurer, Path);
        await session.WaitForLoadedAsync();

        var row = session.Page.Locator($"tr[data-attestation='{recorded.AttestationId}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("td").Nth(2).Locator("[data-verdict]")).ToHaveTextAsync("Violation");
        await Assertions.Expect(row.Locator("[data-regime='EU']")).ToHaveTextAsync("EU: Violation");
        await Assertions.Expect(row.GetByRole(AriaRole.Link, new() { Name = recorded.AttestationId })).ToHaveAttributeAsync(
            "href", $"/console/attestations/{recorded.ShipperId}/{recorded.AttestationId}");
    }

    [Theory]
    [MemberData(nameof(Widths.ForRoles), "Insurer,Operator", MemberType = typeof(Widths))]
    public async Task The_vessel_page_lists_the_sample_for_each_role_that_may_use_it(string role, int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), Path);
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.Locator($"tr[data-attestation='{console.Sample.AttestationId}']")).ToBeVisibleAsync();
        Assert.Equal($"Vessel {ConsoleFixture.SampleImo} – PriceCapAttest console", await session.Page.TitleAsync());
        await session.ScreenshotAsync("vessel", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_date_filter_keeps_the_attestations_loaded_in_its_range_only()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Insurer, Path);
        await session.WaitForLoadedAsync();

        await session.Page.GetByLabel("Loaded from").FillAsync("2026-03-03");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("for these loading dates");
        Assert.EndsWith($"/console/{Path}?from=2026-03-03", session.Page.Url, StringComparison.Ordinal);
        Assert.Contains(session.Requests, r => r.Url.Contains("/api/vessels/9074729/attestations?from=2026-03-03", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task An_insurer_whose_fleet_lacks_the_vessel_is_told_it_may_not_see_it(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.EmptyInsurer, Path);
        await session.WaitForLoadedAsync();

        var problem = session.Page.GetByTestId("problem");
        await Assertions.Expect(problem).ToHaveAttributeAsync("data-status", "403");
        await Assertions.Expect(problem).ToContainTextAsync("You may not see this");
        await Assertions.Expect(problem).ToContainTextAsync("not in your fleet");
        await session.ScreenshotAsync("vessel", "insurer-empty");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("Shipper")]
    [InlineData("Regulator")]
    public async Task A_role_that_may_not_use_the_vessel_page_sees_nothing_and_asks_nothing(string role)
    {
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), Path);

        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("This page is for insurers and operators");
        Assert.DoesNotContain(session.Requests, r => r.Url.Contains("/api/vessels/", StringComparison.Ordinal));
        await session.ScreenshotAsync("vessel", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }
}
