using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>The console with the keyboard alone: focus on the page heading, sign-in by Tab and Enter, and the skip link (first in the tab order, shown when focused) moving focus to the page.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyboardUse(ConsoleFixture console)
{
    [Fact]
    public async Task A_keyboard_user_signs_in_and_skips_to_the_page_with_tab_and_enter()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        var keyboard = session.Page.Keyboard;
        await session.GotoAsync($"vessels/{ConsoleFixture.SampleImo}");

        // A page puts focus on its heading, so the next Tab is the sign-in form's field.
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Sign in" })).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await Assertions.Expect(session.Page.GetByLabel("API key")).ToBeFocusedAsync();
        await keyboard.TypeAsync(ConsolePrincipals.Insurer.Key);
        await keyboard.PressAsync("Enter");
        await session.WaitForTitleAsync($"Vessel {ConsoleFixture.SampleImo}");
        await session.WaitForLoadedAsync();
        await Assertions.Expect(session.Page.Locator($"tr[data-attestation='{console.Sample.AttestationId}']")).ToBeVisibleAsync();

        // Back through the header (sign out, navigation, vessel search) to the skip link, the first stop of the page.
        var skip = session.Page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        for (var presses = 0; presses < 12 && !await skip.EvaluateAsync<bool>("e => e === document.activeElement"); presses++)
        {
            await keyboard.PressAsync("Shift+Tab");
        }

        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await keyboard.PressAsync("Enter");
        await Assertions.Expect(session.Page.Locator("main")).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        Assert.True(await session.Page.EvaluateAsync<bool>("() => document.querySelector('main').contains(document.activeElement)"),
            "Tab after the skip link should reach the page's first control, not the header");
        session.AssertStayedLocal();
    }
}
