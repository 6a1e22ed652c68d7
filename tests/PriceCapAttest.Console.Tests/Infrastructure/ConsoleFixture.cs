using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PriceCapAttest.Contracts;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// Azurite (in memory) and the real local host process with a principal of each role (<see cref="ConsolePrincipals"/>),
/// insurer-1's fleet holding the samples' vessel, samples/json/violation-eu.json uploaded through the API by the shipper
/// and recorded, and one headless Chromium shared by the tests (each test opens its own browser context).
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    /// <summary>The vessel of the samples, in insurer-1's fleet.</summary>
    public const string SampleImo = "9074729";

    private readonly AzuriteProcess _azurite = new();
    private readonly OutputLines _output = new();
    private LocalHostProcess? _host;
    private IPlaywright? _playwright;

    /// <summary>The host's root, e.g. http://127.0.0.1:port/.</summary>
    public Uri BaseAddress => _host!.BaseAddress;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The sample attestation recorded at start (violation-eu.json: a violation of the EU cap).</summary>
    public RecordedAttestation Sample { get; private set; } = null!;

    public string HostOutput => _output.Tail(100);

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        var start = new LocalHostStart(BuildInfo.LocalHostDll) { ReadinessKey = ConsolePrincipals.Insurer.Key, Output = _output };
        start.Environment["AzureWebJobsStorage"] = _azurite.ConnectionString;
        start.Environment["LocalHost__RateLimits__PermitLimit"] = "1000000";
        for (var i = 0; i < ConsolePrincipals.All.Count; i++)
        {
            var at = $"LocalHost__Principals__{i.ToString(CultureInfo.InvariantCulture)}__";
            start.Environment[at + "Key"] = ConsolePrincipals.All[i].Key;
            start.Environment[at + "Role"] = ConsolePrincipals.All[i].Role;
            start.Environment[at + "PartyId"] = ConsolePrincipals.All[i].PartyId;
        }

        start.Environment["Alerts__SigningSecret"] = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _host = await LocalHostProcess.StartAsync(start);

        using (var insurer = Client(ConsolePrincipals.Insurer))
        using (var fleet = await insurer.PutAsJsonAsync(new Uri("fleet", UriKind.Relative), new { imos = new[] { SampleImo } }))
        {
            fleet.EnsureSuccessStatusCode();
        }

        Sample = await UploadAsync("violation-eu.json", await File.ReadAllTextAsync(RepositoryRoot.File("samples/json/violation-eu.json")));
        _playwright = await Playwright.CreateAsync();
        Browser = await HeadlessChromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    /// <summary>An API client (…/api/) with the principal's key; the caller disposes of it.</summary>
    public HttpClient Client(ConsolePrincipal principal) => _host!.CreateClient(principal.Key);

    /// <summary>
    /// Uploads a JSON document as the shipper through POST /api/attestations, waits for its receipt, and returns
    /// the attestation it recorded. With <paramref name="attestationId"/>, the document's id is replaced by it.
    /// </summary>
    public async Task<RecordedAttestation> UploadAsync(string name, string json, string? attestationId = null)
    {
        var document = JsonNode.Parse(json)!.AsObject();
        if (attestationId is not null)
        {
            document["attestationId"] = attestationId;
        }

        using var shipper = Client(ConsolePrincipals.Shipper);
        using var content = new StringContent(document.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var upload = await shipper.PostAsync(new Uri($"attestations?name={Uri.EscapeDataString(name)}", UriKind.Relative), content);
        Assert.True(upload.StatusCode == HttpStatusCode.Accepted, $"upload of {name}: {(int)upload.StatusCode} {await upload.Content.ReadAsStringAsync()}");
        var accepted = (await upload.Content.ReadFromJsonAsync<UploadAnswer>())!;
        var receiptPath = new Uri(_host!.ApiBase, accepted.Receipt);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            using var receipt = await shipper.GetAsync(receiptPath);
            if (receipt.StatusCode == HttpStatusCode.OK)
            {
                var body = JsonNode.Parse(await receipt.Content.ReadAsStringAsync())!;
                var id = body["attestations"]!.AsArray().Select(a => a!["attestationId"]?.GetValue<string>()).First(a => a is not null)!;
                return new RecordedAttestation(ConsolePrincipals.Shipper.PartyId, id, SampleImo);
            }

            Assert.True(DateTime.UtcNow < deadline, $"No receipt for {name} within 90 s.{Environment.NewLine}{HostOutput}");
            await Task.Delay(250);
        }
    }
}

/// <summary>An attestation recorded from an upload: its shipper, id and vessel.</summary>
public sealed record RecordedAttestation(string ShipperId, string AttestationId, string Imo);

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "Console in a browser";
}
