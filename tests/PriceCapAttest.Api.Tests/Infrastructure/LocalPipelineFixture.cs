using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Azure.Storage.Blobs;
using PriceCapAttest.RegulatorInbox;
using PriceCapAttest.Testing;

using static PriceCapAttest.Testing.Loopback;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// The pipeline as a user runs it: Azurite (free ports, in memory), a regulator inbox (in-process, free port) as the
/// alert route of every regime, and the local host as a separate process (<c>dotnet PriceCapAttest.LocalHost.dll</c>)
/// configured through environment variables on a free port. Ready when the API answers.
/// </summary>
public class LocalPipelineFixture : IAsyncLifetime
{
    /// <summary>The key of the shipper <see cref="SampleShipper"/> (its own attestations and receipts, schedule).</summary>
    public const string ShipperKey = "api-tests-shipper-key";

    /// <summary>The key of the insurer insurer-1 (attestations, vessels, schedule).</summary>
    public const string InsurerKey = "api-tests-insurer-key";

    /// <summary>The key of the regulator of EU (attestations, EU violations, schedule).</summary>
    public const string RegulatorKey = "api-tests-regulator-key";

    /// <summary>The key of the operator ops (every route: receipts, alert replay, re-screening).</summary>
    public const string OperatorKey = "api-tests-operator-key";

    /// <summary>The key of the shipper <see cref="SecondShipper"/>.</summary>
    public const string SecondShipperKey = "api-tests-second-shipper-key";

    /// <summary>The key of the insurer insurer-2, whose fleet the tests change.</summary>
    public const string SecondInsurerKey = "api-tests-second-insurer-key";

    /// <summary>The key of the regulator of GB.</summary>
    public const string GbRegulatorKey = "api-tests-gb-regulator-key";

    /// <summary>The key of the operator ops-2.</summary>
    public const string SecondOperatorKey = "api-tests-second-operator-key";

    /// <summary>The vessel of the recorded sample: the whole fleet of insurer-1 (set when the fixture starts).</summary>
    public const string SampleImo = "9074729";

    /// <summary>The shipper of the recorded sample and of <see cref="ShipperKey"/>.</summary>
    public static readonly string SampleShipper = NewShipper();

    /// <summary>A second shipper with a key of its own (uploads through the API, its read audit).</summary>
    public static readonly string SecondShipper = NewShipper();

    /// <summary>The principals of both hosts: (role, party, key); the first of each role is the one of the role's client.</summary>
    public static readonly IReadOnlyList<(string Role, string Party, string Key)> Principals =
    [
        ("Shipper", SampleShipper, ShipperKey), ("Insurer", "insurer-1", InsurerKey), ("Regulator", "EU", RegulatorKey), ("Operator", "ops", OperatorKey),
        ("Shipper", SecondShipper, SecondShipperKey), ("Insurer", "insurer-2", SecondInsurerKey), ("Regulator", "GB", GbRegulatorKey),
        ("Operator", "ops-2", SecondOperatorKey),
    ];

    /// <summary>The principals (and a limit no test reaches) as settings: <c>LocalHost:Principals:0:Key</c>, ... (<paramref name="separator"/> ':' or "__").</summary>
    public static Dictionary<string, string?> AccessSettings(string prefix, string separator)
    {
        var settings = new Dictionary<string, string?> { [$"{prefix}RateLimits{separator}PermitLimit"] = "1000000" };
        for (var i = 0; i < Principals.Count; i++)
        {
            var at = $"{prefix}Principals{separator}{i.ToString(CultureInfo.InvariantCulture)}{separator}";
            settings[at + "Key"] = Principals[i].Key;
            settings[at + "Role"] = Principals[i].Role;
            settings[at + "PartyId"] = Principals[i].Party;
        }

        return settings;
    }

    /// <summary>A Standard Webhooks secret for the tests only (32 random bytes).</summary>
    public static readonly string SigningSecret = "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static readonly string[] Regimes = ["US", "EU", "GB", "CA", "JP", "AU", "NZ", "CH", "NO"];
    private readonly AzuriteProcess _azurite = new();
    private readonly OutputLines _output = new();
    private LocalHostProcess? _host;

    public Inbox Inbox { get; private set; } = null!;

    public Uri ApiBase { get; private set; } = null!;

    /// <summary>An HTTP client that sends each request with the key of its route's role (<see cref="RoleKeys"/>).</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>An HTTP client with the key of the shipper <see cref="SampleShipper"/>.</summary>
    public HttpClient Shipper { get; private set; } = null!;

    /// <summary>An HTTP client with the operator key.</summary>
    public HttpClient Operator { get; private set; } = null!;

    /// <summary>An HTTP client with the insurer key.</summary>
    public HttpClient Insurer { get; private set; } = null!;

    /// <summary>An HTTP client with the regulator key.</summary>
    public HttpClient Regulator { get; private set; } = null!;

    /// <summary>An HTTP client without the key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    /// <summary>Every line the local host wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> OutputLines => _output.All;

    public BlobServiceClient Blobs => _azurite.CreateBlobServiceClient();

    /// <summary>The storage connection string (what AzureWebJobsStorage holds for the local host).</summary>
    public string StorageConnectionString => _azurite.ConnectionString;

    public string HostOutput => _output.Tail(200);

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        Inbox = await RegulatorInbox.Inbox.StartAsync("http://127.0.0.1:0", SigningSecret);

        var dll = BuildInfo.LocalHostDll;
        var port = FreePort();
        ApiBase = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/api/");
        var start = new LocalHostStart(dll) { ReadinessKey = InsurerKey, Output = _output };
        start.Environment["AzureWebJobsStorage"] = _azurite.ConnectionString;
        start.Environment["LocalHost__Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        foreach (var (name, value) in AccessSettings("LocalHost__", "__"))
        {
            start.Environment[name] = value;
        }

        start.Environment["Alerts__SigningSecret"] = SigningSecret;
        foreach (var regime in Regimes)
        {
            start.Environment[$"Alerts__Routes__{regime}__0"] = new Uri(Inbox.BaseAddress, "/" + regime.ToLowerInvariant()).AbsoluteUri;
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        Configure(start.Environment);
        _host = await LocalHostProcess.StartAsync(start);

        Api = new HttpClient(new RoleKeys()) { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Insurer = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Insurer.DefaultRequestHeaders.Add("x-functions-key", InsurerKey);
        Regulator = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Regulator.DefaultRequestHeaders.Add("x-functions-key", RegulatorKey);
        Anonymous = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Shipper = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Shipper.DefaultRequestHeaders.Add("x-functions-key", ShipperKey);
        Operator = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(30) };
        Operator.DefaultRequestHeaders.Add("x-functions-key", OperatorKey);

        // insurer-1 covers the sample's vessel: its reads of the sample are admitted (insurer-2 is the one outside).
        using var fleet = await Insurer.PutAsync(new Uri("fleet", UriKind.Relative), JsonContent.Create(new { imos = new[] { SampleImo } }));
        fleet.EnsureSuccessStatusCode();
    }

    /// <summary>A new HTTP client with <paramref name="key"/> (the caller disposes of it).</summary>
    public HttpClient ClientWith(string key)
    {
        var client = new HttpClient { BaseAddress = ApiBase, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    public async Task DisposeAsync()
    {
        Api?.Dispose();
        Insurer?.Dispose();
        Regulator?.Dispose();
        Anonymous?.Dispose();
        Shipper?.Dispose();
        Operator?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        if (Inbox is not null)
        {
            await Inbox.DisposeAsync();
        }

        await _azurite.DisposeAsync();
    }

    private readonly SemaphoreSlim _sampleLock = new(1, 1);
    private RecordedDocument? _sample;

    /// <summary>
    /// samples/json/violation-eu.json uploaded once for the whole collection (under its own shipper) and recorded:
    /// what the route tests query.
    /// </summary>
    public async Task<RecordedDocument> RecordedSampleAsync()
    {
        await _sampleLock.WaitAsync();
        try
        {
            return _sample ??= await UploadAndWaitAsync(SampleShipper, "violation-eu.json", await File.ReadAllBytesAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json")), "ATT-2026-0043");
        }
        finally
        {
            _sampleLock.Release();
        }
    }

    /// <summary>Uploads a document as any storage client would, then waits until the API knows the attestation.</summary>
    public async Task<RecordedDocument> UploadAndWaitAsync(string shipper, string name, byte[] content, string attestationId)
    {
        var container = Blobs.GetBlobContainerClient("attestations");
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient($"{shipper}/{name}").UploadAsync(BinaryData.FromBytes(content), overwrite: true);
        var path = $"attestations/{Uri.EscapeDataString(shipper)}/{Uri.EscapeDataString(attestationId)}";
        await Eventually.GetAsync(async () =>
        {
            using var response = await Api.GetAsync(new Uri(path, UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? "recorded" : null;
        }, $"{path} answers 200 after the upload of {name}.{Environment.NewLine}{HostOutput}");
        return new RecordedDocument(shipper, attestationId, $"attestations/{shipper}/{name}");
    }

    /// <summary>The settings of the Functions app over the same storage, principals (section Principals) and alert routes.</summary>
    public IDictionary<string, string?> HostSettings()
    {
        var settings = AccessSettings("", ":");
        settings["AzureWebJobsStorage"] = _azurite.ConnectionString;
        settings["Alerts:SigningSecret"] = SigningSecret;
        foreach (var regime in Regimes)
        {
            settings[$"Alerts:Routes:{regime}:0"] = new Uri(Inbox.BaseAddress, "/" + regime.ToLowerInvariant()).AbsoluteUri;
        }

        return settings;
    }

    /// <summary>Further settings of the local host process, applied over the standard ones (a derived fixture).</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    /// <summary>
    /// The key a request to the path goes with by default: the shipper's for an upload and the audit, the regulator's
    /// for violations, the operator's for attestations and vessels (any shipper's, any vessel), receipts, alert replay
    /// and re-screening, else the insurer's.
    /// </summary>
    public static string DefaultKey(string relativePath, string method = "GET")
    {
        var path = relativePath.TrimStart('/');
        string[] operators = ["attestations", "vessels", "receipts", "alerts", "rescreens"];
        return (path == "attestations" && method == "POST") || path.StartsWith("audit", StringComparison.OrdinalIgnoreCase) ? ShipperKey
            : path.StartsWith("violations", StringComparison.OrdinalIgnoreCase) ? RegulatorKey
            : operators.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase)) ? OperatorKey
            : InsurerKey;
    }

    /// <summary>Adds the key of <see cref="DefaultKey"/> to every request without one.</summary>
    private sealed class RoleKeys() : DelegatingHandler(new HttpClientHandler())
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (!request.Headers.Contains("x-functions-key"))
            {
                var path = request.RequestUri!.AbsolutePath;
                var relative = path.StartsWith("/api/", StringComparison.Ordinal) ? path["/api/".Length..] : path;
                request.Headers.Add("x-functions-key", DefaultKey(relative, request.Method.Method));
            }

            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>A shipper id no other test uses (tests isolate themselves by shipper).</summary>
    public static string NewShipper() => "shipper-" + Guid.NewGuid().ToString("N")[..10];
}

/// <summary>An uploaded document and the attestation recorded from it.</summary>
public sealed record RecordedDocument(string ShipperId, string AttestationId, string BlobPath);

[CollectionDefinition(Name)]
public sealed class LocalPipelineCollection : ICollectionFixture<LocalPipelineFixture>
{
    public const string Name = "Local pipeline";
}
