using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>Sign-in with a key: the form, #key= in the fragment, a wrong key, sign-out; without sign-in no data at all.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SigningIn(ConsoleFixture console)
{
    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task Without_sign_in_a_page_shows_the_sign_in_form_and_no_data(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);
        var answers = new List<(string Url, int Status)>();
        session.Page.Response += (_, response) => answers.Add((response.Url, response.Status));

        await session.GotoAsync($"vessels/{ConsoleFixture.SampleImo}");

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        await Assertions.Expect(session.Page.GetByLabel("API key")).ToHaveAttributeAsync("type", "password");
        await Assertions.Expect(session.Page.GetByText(console.Sample.AttestationId)).ToHaveCountAsync(0);
        Assert.DoesNotContain(answers, a => a.Url.Contains("/api/", StringComparison.Ordinal) && a.Status == 200);
        await session.ScreenshotAsync("sign-in", "anonymous");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task A_key_in_the_fragment_is_taken_once_and_removed_from_the_address_bar()
    {
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.GotoAsync("", "key=" + ConsolePrincipals.Insurer.Key);

        await session.Page.GetByTestId("signed-in-as").WaitForAsync();
        Assert.DoesNotContain("key=", session.Page.Url, StringComparison.Ordinal);
        Assert.Equal(session.Url(""), session.Page.Url);
        await Assertions.Expect(session.Page.GetByTestId("who-am-i")).ToContainTextAsync("insurer-1");
        Assert.All(session.Requests, r => Assert.DoesNotContain(ConsolePrincipals.Insurer.Key, r.Url, StringComparison.Ordinal));
        Assert.Contains(session.Requests, r => r.Url.EndsWith("/api/me", StringComparison.Ordinal));
        var stored = await session.Page.EvaluateAsync<string?>("() => window.localStorage.length === 0 ? null : 'localStorage holds ' + window.localStorage.length");
        Assert.Null(stored);
    }

    [Fact]
    public async Task A_wrong_key_shows_an_error_on_the_sign_in_form()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.GotoAsync("");

        await session.Page.GetByLabel("API key").FillAsync("not-a-key-of-anyone");
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("not accepted");
        await Assertions.Expect(session.Page.GetByLabel("API key")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(session.Page.GetByTestId("signed-in-as")).ToHaveCountAsync(0);
        Assert.Equal(0, await session.Page.EvaluateAsync<int>("() => window.sessionStorage.length"));
        await session.ScreenshotAsync("sign-in-wrong-key", "anonymous");
    }

    [Fact]
    public async Task Signing_out_clears_the_key_and_shows_the_sign_in_form()
    {
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Regulator);
        Assert.Equal(1, await session.Page.EvaluateAsync<int>("() => window.sessionStorage.length"));

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await session.WaitForTitleAsync("Sign in");
        Assert.Equal(0, await session.Page.EvaluateAsync<int>("() => window.sessionStorage.length"));
        await session.Page.ReloadAsync();
        await session.WaitForTitleAsync("Sign in");
    }
}
