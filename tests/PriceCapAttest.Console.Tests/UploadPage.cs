using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PriceCapAttest.Console.Tests.Infrastructure;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests;

/// <summary>
/// /console/upload: a shipper drops or chooses a JSON or CSV document, and sees the receipt with each error at its
/// field (and in the summary at the top), or the verdict of each attestation with a link to its page.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class UploadPage(ConsoleFixture console)
{
    /// <summary>A vessel of no other test (valid check digit), so uploads here change no other page's lists.</summary>
    private const string Imo = "9321483";
    private const string BadImo = "9321484";

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_shipper_sees_each_error_of_a_json_document_at_its_field_and_in_the_summary(int width)
    {
        var (name, json) = await JsonDocumentAsync(broken: true);
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.Shipper, "upload");

        await session.Page.GetByLabel("Attestation document").SetInputFilesAsync(JsonFile(name, json));
        await Assertions.Expect(session.Page.GetByTestId("chosen-file")).ToContainTextAsync(name);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var summary = session.Page.GetByTestId("error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(summary).ToBeFocusedAsync();
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(2);
        await Assertions.Expect(session.Page.GetByTestId("receipt")).ToHaveAttributeAsync("data-status", "Rejected");

        await AssertErrorAtFieldAsync(session, "vessel.imo", "check digit should be 3");
        await AssertErrorAtFieldAsync(session, "price.value", "price.value must be greater than 0");

        await summary.GetByRole(AriaRole.Link, new() { Name = "price.value" }).ClickAsync();
        await Assertions.Expect(session.Page.Locator("li[data-path='price.value']")).ToBeFocusedAsync();
        await session.ScreenshotAsync("upload-json-errors", "shipper");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_valid_upload_shows_the_receipt_with_the_verdict_and_a_link_to_the_attestation(int width)
    {
        var (name, json) = await JsonDocumentAsync(broken: false);
        var id = Path.GetFileNameWithoutExtension(name);
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.Shipper, "upload");

        await session.Page.GetByLabel("Attestation document").SetInputFilesAsync(JsonFile(name, json));
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var row = session.Page.GetByTestId("receipt-verdicts").Locator($"tr[data-attestation='{id}']");
        await Assertions.Expect(row).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Assertions.Expect(row.Locator("[data-verdict]")).ToHaveTextAsync("Violation");
        await Assertions.Expect(session.Page.GetByTestId("error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(session.Page.Locator("[aria-invalid='true']")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("upload-receipt", "shipper");
        await session.AssertAccessibleAsync();

        await row.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await session.WaitForTitleAsync($"Attestation {id}");
        await session.WaitForLoadedAsync();
        await Assertions.Expect(session.Page.Locator("section[data-regime='EU'] [data-verdict]")).ToHaveTextAsync("Violation");
    }

    [Fact]
    public async Task A_shipper_drops_a_document_on_the_drop_zone_and_sees_its_receipt()
    {
        var (name, json) = await JsonDocumentAsync(broken: false);
        await using var session = await ConsoleSession.OpenAsync(console);
        await session.SignInAsync(ConsolePrincipals.Shipper, "upload");

        // A synthetic drop: a DataTransfer holding the file, dispatched as the browser would on a drop.
        var transfer = await session.Page.EvaluateHandleAsync(
            "([name, text]) => { const t = new DataTransfer(); t.items.add(new File([text], name, { type: 'application/json' })); return t; }",
            new[] { name, json });
        await session.Page.GetByTestId("drop-zone").DispatchEventAsync("drop", new Dictionary<string, object> { ["dataTransfer"] = transfer });
        await Assertions.Expect(session.Page.GetByTestId("chosen-file")).ToContainTextAsync(name);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var row = session.Page.GetByTestId("receipt-verdicts").Locator($"tr[data-attestation='{Path.GetFileNameWithoutExtension(name)}']");
        await Assertions.Expect(row.Locator("[data-verdict]")).ToHaveTextAsync("Violation", new() { Timeout = 60_000 });
        Assert.Contains(session.Requests, r => r.Method == "POST" && r.Url.Contains("/api/attestations?name=" + name, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_csv_error_is_shown_at_its_row_and_column(int width)
    {
        var id = NewId();
        var csv = (await File.ReadAllTextAsync(RepositoryRoot.File("samples/csv/violation-eu.csv")))
            .Replace("ATT-2026-0043", id, StringComparison.Ordinal)
            .Replace(ConsoleFixture.SampleImo, BadImo, StringComparison.Ordinal);
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.Shipper, "upload");

        await session.Page.GetByLabel("Attestation document").SetInputFilesAsync(
            new FilePayload { Name = id + ".csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" }).ClickAsync();

        var summary = session.Page.GetByTestId("error-summary");
        await Assertions.Expect(summary.Locator("li")).ToHaveCountAsync(1, new() { Timeout = 60_000 });
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Row 1, vessel.imo" })).ToBeVisibleAsync();
        var cell = session.Page.GetByTestId("document-rows").Locator("tr[data-row='1'] td[data-column='vessel.imo']");
        await Assertions.Expect(cell).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(cell).ToContainTextAsync("check digit should be 3");
        await AssertDescribedByAsync(session, cell, "check digit should be 3");
        await session.ScreenshotAsync("upload-csv-error", "shipper");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths.Both), MemberType = typeof(Widths))]
    public async Task A_file_of_another_type_is_refused_at_the_input_without_an_upload(int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);
        await session.SignInAsync(ConsolePrincipals.Shipper, "upload");

        var input = session.Page.GetByLabel("Attestation document");
        await input.SetInputFilesAsync(new FilePayload { Name = "cargo-notes.txt", MimeType = "text/plain", Buffer = "not a document"u8.ToArray() });

        await Assertions.Expect(input).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(session.Page.Locator("#document-error")).ToContainTextAsync("cargo-notes.txt is not a JSON or CSV file");
        await AssertDescribedByAsync(session, input, "is not a JSON or CSV file");
        await Assertions.Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Upload and check" })).ToBeDisabledAsync();
        Assert.DoesNotContain(session.Requests, r => r.Method == "POST");
        await session.ScreenshotAsync("upload-wrong-type", "shipper");
        await session.AssertAccessibleAsync();
    }

    [Theory]
    [MemberData(nameof(Widths.ForRoles), "Insurer,Regulator,Operator", MemberType = typeof(Widths))]
    public async Task A_role_other_than_shipper_sees_nothing_on_the_upload_page(string role, int width)
    {
        await using var session = await ConsoleSession.OpenAsync(console, width);

        await session.SignInAsync(ConsolePrincipals.OfRole(role), "upload");

        await session.WaitForTitleAsync("Nothing for your role here");
        await Assertions.Expect(session.Page.GetByTestId("nothing-to-show")).ToContainTextAsync("This page is for shippers");
        await Assertions.Expect(session.Page.GetByLabel("Attestation document")).ToHaveCountAsync(0);
        await session.ScreenshotAsync("upload", role.ToLowerInvariant());
        await session.AssertAccessibleAsync();
    }

    /// <summary>The row of the field holds the message, is invalid, and is described by the message.</summary>
    private static async Task AssertErrorAtFieldAsync(ConsoleSession session, string path, string message)
    {
        var row = session.Page.Locator($"li[data-path='{path}']");
        await Assertions.Expect(row).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(row.Locator(".field-error")).ToContainTextAsync(message);
        await AssertDescribedByAsync(session, row, message);
        await Assertions.Expect(session.Page.GetByTestId("error-summary").GetByRole(AriaRole.Link, new() { Name = path })).ToHaveAttributeAsync(
            "href", "#" + await row.GetAttributeAsync("id"));
    }

    private static async Task AssertDescribedByAsync(ConsoleSession session, ILocator element, string message)
    {
        var ids = (await element.GetAttributeAsync("aria-describedby") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texts = new List<string>();
        foreach (var id in ids)
        {
            texts.Add(await session.Page.Locator($"[id='{id}']").InnerTextAsync());
        }

        Assert.Contains(texts, t => t.Contains(message, StringComparison.Ordinal));
    }

    private static string NewId() => "ATT-UPLOAD-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    /// <summary>violation-eu.json as a new attestation of <see cref="Imo"/>; broken: a wrong IMO check digit and a negative price.</summary>
    private static async Task<(string Name, string Json)> JsonDocumentAsync(bool broken)
    {
        var id = NewId();
        var document = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryRoot.File("samples/json/violation-eu.json")))!.AsObject();
        document["attestationId"] = id;
        document["vessel"]!["imo"] = broken ? BadImo : Imo;
        if (broken)
        {
            document["price"]!["value"] = -46.0m;
        }

        return (id + ".json", document.ToJsonString(new() { WriteIndented = true }));
    }

    private static FilePayload JsonFile(string name, string json) =>
        new() { Name = name, MimeType = "application/json", Buffer = Encoding.UTF8.GetBytes(json) };
}
