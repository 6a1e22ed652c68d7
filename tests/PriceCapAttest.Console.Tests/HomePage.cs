using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/: who is signed in, and a header with the pages of the role only.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class HomePage(ConsoleFixture console)
{
    [Theory]
    [MemberData(nameof(Widths.ForRoles), "Shipper,Insurer,Regulator,Operator", MemberType = typeof(Widths))]
    public async Task The_home_page_says_who_is_signed_in(string role, int width)
    {
        var principal = ConsolePrincipals.OfRole(role);
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(principal);

        await Assertions.Expect(session.Page.GetByTestId("who-am-i")).ToContainTextAsync(principal.PartyId);
        await Assertions.Expect(session.Page.GetByTestId("signed-in-as")).ToContainTextAsync($"{role} · {principal.PartyId}");
        var fleetLink = session.Page.GetByRole(AriaRole.Navigation, new() { Name = "Pages" }).GetByRole(AriaRole.Link, new() { Name = "Fleet" });
        await Assertions.Expect(fleetLink).ToHaveCountAsync(role == "Insurer" ? 1 : 0);
        await Assertions.Expect(session.Page.GetByLabel("Vessel IMO")).ToHaveCountAsync(role is "Insurer" or "Operator" ? 1 : 0);
        await session.ScreenshotAsync("home", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task The_vessel_search_opens_the_vessel_page_and_focuses_its_heading()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Operator);

        await session.Page.GetByLabel("Vessel IMO").FillAsync(ConsoleFixture.SampleImo);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();

        await session.WaitForTitleAsync($"Vessel {ConsoleFixture.SampleImo}");
        Assert.EndsWith($"/console/vessels/{ConsoleFixture.SampleImo}", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal("page-title", await session.Page.EvaluateAsync<string>("() => document.activeElement.id"));
        await session.Page.GoBackAsync();
        await session.WaitForTitleAsync("Welcome");
    }
}
