using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Pipeline;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// Bearer tokens validated by the app (<c>Authentication:Bearer</c>), against a test issuer on a loopback listener:
/// the local host process and the Functions app's HTTP functions, both configured with that issuer, admit a valid
/// token whose app role has a Parties row, and refuse every other token with problem+json (401 with
/// <c>WWW-Authenticate: Bearer error="invalid_token"</c> and the reason in plain words, 403 for a role or party
/// that does not fit), storing nothing.
/// </summary>
public sealed class BearerTokensAreValidated(BearerTokensAreValidated.BearerPipeline pipeline) : IClassFixture<BearerTokensAreValidated.BearerPipeline>
{
    public static TheoryData<string> Hosts() => ["local", "functions"];

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_valid_token_with_an_app_role_and_a_Parties_row_is_admitted(string host)
    {
        var oid = NewOid();
        await AddPartyAsync(oid, "Insurer", "insurer-1");

        using var response = await SendAsync(host, HttpMethod.Get, "schedule", pipeline.Issuer.Token(oid, ["Insurer"]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task An_expired_token_is_refused_with_problem_json_and_nothing_is_stored(string host)
    {
        var (oid, shipper) = (NewOid(), LocalPipelineFixture.NewShipper());
        await AddPartyAsync(oid, "Shipper", shipper);
        var expired = pipeline.Issuer.Token(oid, ["Shipper"], issuedAt: DateTimeOffset.UtcNow.AddHours(-2));

        using var response = await SendAsync(host, HttpMethod.Post, "attestations?name=expired.json", expired, Document());

        await AssertUnauthorizedAsync(response, "expired", expired);
        var stored = pipeline.Blobs.GetBlobContainerClient("attestations").GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, shipper + "/", CancellationToken.None);
        Assert.Empty(await stored.ToListAsync());
        // The same upload with a valid token of that shipper is stored: the refusal above was the token's.
        using var valid = await SendAsync(host, HttpMethod.Post, "attestations?name=valid.json", pipeline.Issuer.Token(oid, ["Shipper"]), Document());
        Assert.Equal(HttpStatusCode.Accepted, valid.StatusCode);
    }

    public static TheoryData<string, string, string> Invalid()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var host in new[] { "local", "functions" })
        {
            data.Add(host, "forged", "signature is not valid");
            data.Add(host, "wrong audience", "wrong audience");
            data.Add(host, "wrong issuer", "wrong issuer");
            data.Add(host, "alg none", "signature is not valid");
            data.Add(host, "garbage", "not a well-formed JWT");
            data.Add(host, "empty", "not a well-formed JWT");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task A_forged_foreign_unsigned_or_garbled_token_is_refused_with_the_reason(string host, string kind, string reason)
    {
        var oid = NewOid();
        await AddPartyAsync(oid, "Operator", "ops");
        var token = kind switch
        {
            "forged" => pipeline.Issuer.Token(oid, ["Operator"], key: TestIssuer.ForgedKey()),
            "wrong audience" => pipeline.Issuer.Token(oid, ["Operator"], audience: "api://another-api"),
            "wrong issuer" => pipeline.Issuer.Token(oid, ["Operator"], issuer: "https://login.microsoftonline.com/another-tenant/v2.0"),
            "alg none" => pipeline.Issuer.Unsigned(oid, "Operator"),
            "garbage" => "not-a-jwt",
            _ => "",
        };

        using var response = await SendAsync(host, HttpMethod.Get, "rescreens", token);

        await AssertUnauthorizedAsync(response, reason, token);
    }

    [Theory]
    [InlineData("local", "Admin")]
    [InlineData("functions", "Admin")]
    [InlineData("local", "operator")]
    [InlineData("functions", "Insurer,Operator")]
    public async Task A_token_without_exactly_one_app_role_of_the_api_is_403(string host, string roles)
    {
        var oid = NewOid();
        await AddPartyAsync(oid, "Operator", "ops");

        using var response = await SendAsync(host, HttpMethod.Get, "rescreens", pipeline.Issuer.Token(oid, roles.Split(',')));

        var detail = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("exactly one app role", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_valid_token_without_a_Parties_row_is_403(string host)
    {
        using var response = await SendAsync(host, HttpMethod.Get, "schedule", pipeline.Issuer.Token(NewOid(), ["Insurer"]));

        var detail = await AssertProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Contains("no party for it in the Parties table", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task A_token_and_a_key_together_are_refused_as_ambiguous(string host)
    {
        var oid = NewOid();
        await AddPartyAsync(oid, "Insurer", "insurer-1");

        using var response = await SendAsync(host, HttpMethod.Get, "schedule", pipeline.Issuer.Token(oid, ["Insurer"]), key: LocalPipelineFixture.OperatorKey);

        var detail = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Both a bearer token and an API key", detail, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Hosts))]
    public async Task Keys_still_work_and_no_credential_is_401_naming_both(string host)
    {
        using var keyed = await SendAsync(host, HttpMethod.Get, "schedule", null, key: LocalPipelineFixture.InsurerKey);
        using var none = await SendAsync(host, HttpMethod.Get, "schedule", null);

        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
        Assert.Contains("bearer token", await AssertProblemAsync(none, HttpStatusCode.Unauthorized), StringComparison.Ordinal);
        Assert.Equal("Bearer", Assert.Single(none.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task An_unreachable_issuer_is_503_problem_json()
    {
        var settings = pipeline.HostSettings();
        foreach (var (name, value) in pipeline.Issuer.Settings("", ":"))
        {
            settings[name] = value;
        }

        settings["Authentication:Bearer:Authority"] = $"http://127.0.0.1:{PriceCapAttest.Testing.Loopback.FreePort()}/tenant-1/v2.0";
        await using var functions = await FunctionsAppServer.StartAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("schedule", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + pipeline.Issuer.Token(NewOid(), ["Insurer"]));

        using var response = await functions.Client.SendAsync(request);

        Assert.Contains("cannot be reached", await AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable), StringComparison.Ordinal);
    }

    private static async Task AssertUnauthorizedAsync(HttpResponseMessage response, string reason, string token)
    {
        var detail = await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains(reason, detail, StringComparison.Ordinal);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Equal("error=\"invalid_token\"", challenge.Parameter);
        if (token.Length > 0)
        {
            Assert.DoesNotContain(token, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    internal static async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(body)!;
        Assert.StartsWith("urn:pricecapattest:problem:", problem["type"]!.GetValue<string>(), StringComparison.Ordinal);
        return problem["detail"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> SendAsync(string host, HttpMethod method, string uri, string? token, HttpContent? content = null, string? key = null)
    {
        var client = host == "local" ? pipeline.Anonymous : (await pipeline.FunctionsAsync()).Client;
        using var request = new HttpRequestMessage(method, new Uri(uri, UriKind.Relative)) { Content = content };
        if (token is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        }

        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await client.SendAsync(request);
    }

    private static StringContent Document() => new("{}", new MediaTypeHeaderValue("application/json"));

    private static string NewOid() => Guid.NewGuid().ToString("D");

    private async Task AddPartyAsync(string oid, string role, string partyId)
    {
        var table = new TableClient(pipeline.StorageConnectionString, StorageNames.Tables.Parties);
        await table.CreateIfNotExistsAsync();
        await table.UpsertEntityAsync(new TableEntity(oid, role) { [PartyDirectory.PartyIdProperty] = partyId });
    }

    /// <summary>The local pipeline with the test issuer's bearer settings, and the Functions app over it alike.</summary>
    public sealed class BearerPipeline : LocalPipelineFixture, IDisposable
    {
        private readonly SemaphoreSlim _lock = new(1, 1);
        private FunctionsAppServer? _functions;

        public TestIssuer Issuer { get; } = TestIssuer.Start();

        public async Task<FunctionsAppServer> FunctionsAsync()
        {
            await _lock.WaitAsync();
            try
            {
                if (_functions is null)
                {
                    var settings = HostSettings();
                    foreach (var (name, value) in Issuer.Settings("", ":"))
                    {
                        settings[name] = value;
                    }

                    _functions = await FunctionsAppServer.StartAsync(settings);
                }

                return _functions;
            }
            finally
            {
                _lock.Release();
            }
        }

        protected override void Configure(IDictionary<string, string?> environment)
        {
            foreach (var (name, value) in Issuer.Settings("LocalHost__", "__"))
            {
                environment[name] = value;
            }
        }

        public void Dispose()
        {
            _functions?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Issuer.Dispose();
            _lock.Dispose();
        }
    }
}
