using System.Globalization;
using System.Net.Http.Json;
using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;

namespace PriceCapAttest.Console.Tests;

/// <summary>/console/attestations/{shipperId}/{attestationId}: the verdict explained per regime, for each role that may read it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AttestationPage(ConsoleFixture console)
{
    private string Path => $"attestations/{console.Sample.ShipperId}/{console.Sample.AttestationId}";

    [Fact]
    public async Task The_attestation_page_shows_price_cap_and_rule_per_regime()
    {
        using var api = console.Client(ConsolePrincipals.Operator);
        var answer = (await api.GetFromJsonAsync<AttestationRegimes>(new Uri(Path, UriKind.Relative)))!;
        await using var session = await ConsoleSession.OpenAsync(console);

        await session.SignInAsync(ConsolePrincipals.Insurer, Path);
        await session.WaitForLoadedAsync();

        Assert.NotEmpty(answer.Regimes);
        foreach (var regime in answer.Regimes)
        {
            var card = session.Page.Locator($"section[data-regime='{regime.Regime}']");
            await Assertions.Expect(card.Locator("h3")).ToContainTextAsync(regime.Regime);
            await Assertions.Expect(card.Locator("[data-field='price']")).ToContainTextAsync(Usd(regime.PriceUsdPerBbl));
            await Assertions.Expect(card.Locator("[data-field='cap']")).ToContainTextAsync(Usd(regime.CapUsdPerBbl));
            await Assertions.Expect(card.Locator("[data-field='rule']")).ToHaveTextAsync(regime.RuleId ?? "—");
        }

        var eu = session.Page.Locator("section[data-regime='EU']");
        await Assertions.Expect(eu.Locator("[data-verdict]")).ToHaveTextAsync("Violation");
        await Assertions.Expect(eu.Locator("[data-field='source']")).Not.ToHaveTextAsync("—");
    }

    [Theory]
    [MemberData(nameof(Widths.ForRoles), "Shipper,Insurer,Regulator,Operator", MemberType = typeof(Widths))]
    public async Task Each_role_that_may_read_the_attestation_sees_its_verdict(string role, int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), Path);
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Per regime" })).ToBeVisibleAsync();
        await Assertions.Expect(session.Page.Locator("section[data-regime='EU'] [data-verdict]")).ToHaveTextAsync("Violation");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = "Alert deliveries" })).ToBeVisibleAsync();
        await session.ScreenshotAsync("attestation", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task An_insurer_that_does_not_cover_the_vessel_is_shown_nothing()
    {
        await using var session = await ConsoleSession.OpenAsync(console, Widths.Desktop);

        await session.SignInAsync(ConsolePrincipals.EmptyInsurer, Path);
        await session.WaitForLoadedAsync();

        await Assertions.Expect(session.Page.GetByTestId("problem")).ToHaveAttributeAsync("data-status", "404");
        await Assertions.Expect(session.Page.GetByTestId("problem")).ToContainTextAsync("Nothing to show");
        await Assertions.Expect(session.Page.Locator("section[data-regime]")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("attestation", "insurer-empty");
        await session.AssertAccessibleAsync();
    }

    private static string Usd(decimal? value) =>
        value is null ? "—" : "$" + value.Value.ToString("#,##0.00##", CultureInfo.InvariantCulture);

    private sealed record AttestationRegimes(IReadOnlyList<RegimeNumbers> Regimes);

    private sealed record RegimeNumbers(string Regime, decimal? CapUsdPerBbl, decimal? PriceUsdPerBbl, string? RuleId);
}
