using System.Net.Http.Json;
using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/fleet: an insurer keeps its IMO list; IMO numbers are checked as the API checks them.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class FleetPage(ConsoleFixture console)
{
    private const string Added = "9395044";

    [Fact]
    public async Task The_fleet_page_saves_an_added_imo()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Insurer, "fleet");
        await session.WaitForLoadedAsync();

        await session.Page.GetByLabel("IMO number").FillAsync("IMO " + Added);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Save fleet" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByTestId("fleet-saved")).ToContainTextAsync("Fleet saved: 2 vessels");
        using var api = console.Client(ConsolePrincipals.Insurer);
        var fleet = (await api.GetFromJsonAsync<FleetImos>(new Uri("fleet", UriKind.Relative)))!;
        Assert.Equal([ConsoleFixture.SampleImo, Added], fleet.Imos.Order());

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Remove " + Added }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Save fleet" }).ClickAsync();
        await Assertions.Expect(session.Page.GetByTestId("fleet-saved")).ToContainTextAsync("Fleet saved: 1 vessel ");
    }

    [Fact]
    public async Task An_imo_with_a_wrong_check_digit_is_refused_at_its_field()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Insurer, "fleet");
        await session.WaitForLoadedAsync();

        await session.Page.GetByLabel("IMO number").FillAsync("9074728");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Add" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByLabel("IMO number")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(session.Page.Locator("#imo-error")).ToContainTextAsync("check digit");
        await Assertions.Expect(session.Page.Locator("[data-imo='9074728']")).ToHaveCountAsync(0);
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task The_fleet_page_lists_the_insurers_vessels(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.Insurer, "fleet");
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.Locator($"[data-imo='{ConsoleFixture.SampleImo}']")).ToBeVisibleAsync();
        await session.ScreenshotAsync("fleet", "insurer");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_insurer_without_a_fleet_is_told_it_is_empty()
    {
        await using var session = await ConsoleSession.OpenAsync(console, Widths.Phone);

        await session.SignInAsync(ConsolePrincipals.EmptyInsurer, "fleet");
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("Your fleet is empty");
        await session.ScreenshotAsync("fleet", "insurer-empty");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("Shipper")]
    [InlineData("Regulator")]
    [InlineData("Operator")]
    public async Task A_role_other_than_insurer_sees_nothing_on_the_fleet_page(string role)
    {
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), "fleet");

        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("This page is for insurers");
        Assert.DoesNotContain(session.Requests, r => r.Url.EndsWith("/api/fleet", StringComparison.Ordinal));
        await session.ScreenshotAsync("fleet", role.ToLowerInvariant());
    }

    private sealed record FleetImos(IReadOnlyList<string> Imos);
}
