using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// Every route × case (no key 401, a bearer token on these hosts without bearer validation 401, each role not admitted 403, each role admitted 200, bad input 400, unknown 404,
/// party scoping) sent to the local host process and to the Functions app's HTTP functions (on a test server, same
/// storage and principals): both answer the same
/// status, content type, continuation header and body (the schedule source's load and check times aside).
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class BothHostsAnswerAlike(LocalPipelineFixture pipeline) : IAsyncLifetime
{
    private static readonly string[] Moments = ["loadedAt", "lastCheckedAt"];

    private FunctionsAppServer _functions = null!;

    /// <summary>(case, method, path under /api with {shipperId} {attestationId} {blobPath}, key: a role, a party (insurer-2, GB), none or wrong, status).</summary>
    public static TheoryData<string, string, string, string, int> Cases()
    {
        var data = new TheoryData<string, string, string, string, int>();
        foreach (var route in ApiRoutes.All.Where(r => !r.IsAnonymous))
        {
            var path = Sample(route);
            data.Add($"{route.Name} no key", route.Method, path, "none", 401);
            data.Add($"{route.Name} wrong key", route.Method, path, "wrong", 401);
            // Neither host of the shared pipeline validates bearer tokens: one is refused, not ignored (also with a key).
            data.Add($"{route.Name} bearer token", route.Method, path, "bearer", 401);
            foreach (var role in Enum.GetValues<ApiRole>())
            {
                // No re-screening run exists on the shared host: the operator's GET of one is 404.
                var admitted = !route.Roles.Contains(role) ? 403
                    : route.Name == RouteNames.GetRescreen ? 404
                    : route.Name == RouteNames.UploadAttestation ? 202
                    : 200;
                data.Add($"{route.Name} {role}", route.Method, path, role.ToString().ToLowerInvariant(), admitted);
            }
        }

        data.Add("regulator of another regime", "GET", "violations?regime=US", "regulator", 403);
        data.Add("regulator of an unknown regime", "GET", "violations?regime=XX", "regulator", 400);
        data.Add("operator of any regime", "GET", "violations?regime=US", "operator", 200);
        data.Add("shipper, another shipper's attestation", "GET", "attestations/another-shipper/{attestationId}", "shipper", 404);
        data.Add("shipper, another shipper's receipt", "GET", "receipts/attestations/another-shipper/violation-eu.json", "shipper", 404);

        data.Add("insurer, attestation of a vessel outside its fleet", "GET", "attestations/{shipperId}/{attestationId}", "insurer-2", 404);
        data.Add("insurer, vessel outside its fleet", "GET", "vessels/9074729/attestations", "insurer-2", 403);
        data.Add("regulator, attestation that does not engage its regime", "GET", "attestations/{shipperId}/{attestationId}", "GB", 404);
        data.Add("upload bad name", "POST", "attestations?name=../x.json", "shipper", 400);
        data.Add("upload no name", "POST", "attestations", "shipper", 400);
        data.Add("upload wrong type", "POST", "attestations?name=both-hosts.json&type=text/plain", "shipper", 415);
        data.Add("upload empty", "POST", "attestations?name=both-hosts.json&body=none", "shipper", 400);
        data.Add("fleet bad imo", "PUT", "fleet?imos=1234568", "insurer-2", 400);
        data.Add("fleet no body", "PUT", "fleet?body=none", "insurer-2", 400);
        data.Add("audit bad from", "GET", "audit?from=yesterday", "shipper", 400);
        data.Add("attestation bad version", "GET", "attestations/{shipperId}/{attestationId}?version=abc", "insurer", 400);
        data.Add("vessel bad imo", "GET", "vessels/1234568/attestations", "insurer", 400);
        data.Add("violations no regime", "GET", "violations", "regulator", 400);
        data.Add("schedule bad date", "GET", "schedule?asOf=yesterday", "insurer", 400);
        data.Add("replay one id", "POST", "alerts/replay?shipperId={shipperId}", "operator", 400);
        data.Add("rescreen bad page size", "GET", "rescreens/20261201T090000000Z-00000000?pageSize=x", "operator", 400);
        data.Add("dry run no body", "POST", "rescreens/dry-run?body=none", "operator", 400);
        data.Add("unknown attestation", "GET", "attestations/{shipperId}/NO-SUCH-ID", "insurer", 404);
        data.Add("unknown receipt", "GET", "receipts/attestations/{shipperId}/never-uploaded.json", "shipper", 404);
        data.Add("unknown run", "GET", "rescreens/20261201T090000000Z-00000000", "operator", 404);
        data.Add("unknown route", "GET", "no-such-route", "regulator", 404);
        data.Add("unknown route no key", "GET", "no-such-route", "none", 401);
        data.Add("bearer token and an operator key", "GET", "rescreens", "bearer+operator", 401);
        data.Add("csv export", "GET", "violations?regime=EU&accept=csv", "regulator", 200);
        data.Add("health", "GET", "health", "none", 200);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_Same_Answer_From_Both_Hosts(string @case, string method, string path, string key, int status)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = path.Replace("{shipperId}", Uri.EscapeDataString(sample.ShipperId), StringComparison.Ordinal)
            .Replace("{attestationId}", Uri.EscapeDataString(sample.AttestationId), StringComparison.Ordinal)
            .Replace("{blobPath}", sample.BlobPath, StringComparison.Ordinal);
        var local = await Answer(pipeline.Anonymous, method, uri, key);
        var functions = await Answer(_functions.Client, method, uri, key);

        Assert.True(local.Status == status, $"{@case}: the local host answered {local.Status} {local.Body}");
        Assert.Equal(local.Status, functions.Status);
        Assert.Equal(local.ContentType, functions.ContentType);
        Assert.Equal(local.Continuation, functions.Continuation);
        Assert.Equal(local.Body, functions.Body);
        if (status >= 400)
        {
            Assert.Equal("application/problem+json", local.ContentType);
            Assert.StartsWith("urn:pricecapattest:problem:", JsonNode.Parse(local.Body)!["type"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    public async Task InitializeAsync() => _functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());

    public async Task DisposeAsync() => await _functions.DisposeAsync();

    private static string Sample(ApiRoute route) => route.Pattern
        .Replace("{*blobPath}", "{blobPath}", StringComparison.Ordinal)
        .Replace("{imo}", "9074729", StringComparison.Ordinal)
        .Replace("{runId}", "20261201T090000000Z-00000000", StringComparison.Ordinal)
        + (route.Name == RouteNames.GetViolations ? "?regime=EU" : route.Name == RouteNames.UploadAttestation ? "?name=both-hosts.json" : "");

    /// <summary>
    /// The body of an upload or a fleet: "{}" as a document (stored, then refused by the ingest: no attestation), the
    /// sample vessel as the fleet (insurer-1's already, so unchanged); <c>type=</c>, <c>imos=</c> and <c>body=none</c>
    /// of the case path say otherwise and are taken off it.
    /// </summary>
    private static HttpContent? Body(string method, ref string uri)
    {
        if (method == "GET" || uri.StartsWith("rescreens/", StringComparison.Ordinal))
        {
            return null;
        }

        var query = uri.Contains('?', StringComparison.Ordinal) ? uri[(uri.IndexOf('?', StringComparison.Ordinal) + 1)..].Split('&') : [];
        string? Take(string name, ref string path)
        {
            var part = query.FirstOrDefault(p => p.StartsWith(name + "=", StringComparison.Ordinal));
            if (part is null)
            {
                return null;
            }

            path = path.Replace("&" + part, "", StringComparison.Ordinal).Replace("?" + part, "?", StringComparison.Ordinal).TrimEnd('?');
            return part[(name.Length + 1)..];
        }

        var type = Take("type", ref uri) ?? "application/json";
        var imos = Take("imos", ref uri) ?? LocalPipelineFixture.SampleImo;
        if (Take("body", ref uri) == "none")
        {
            return new ByteArrayContent([]);
        }

        var text = uri.StartsWith("fleet", StringComparison.Ordinal) ? $$"""{"imos":["{{imos}}"]}""" : "{}";
        var content = new StringContent(text, System.Text.Encoding.UTF8);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(type);
        return content;
    }

    private static async Task<(int Status, string? ContentType, string? Continuation, string Body)> Answer(HttpClient client, string method, string uri, string key)
    {
        var csv = uri.EndsWith("&accept=csv", StringComparison.Ordinal);
        var content = Body(method, ref uri);
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(csv ? uri[..^"&accept=csv".Length] : uri, UriKind.Relative));
        if (csv)
        {
            request.Headers.Add("Accept", "text/csv");
        }

        if (key.StartsWith("bearer", StringComparison.Ordinal))
        {
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJyb2xlcyI6WyJPcGVyYXRvciJdfQ.c2ln");
            key = key.Contains('+', StringComparison.Ordinal) ? key[(key.IndexOf('+', StringComparison.Ordinal) + 1)..] : "none";
        }

        var value = key switch
        {
            "wrong" => "not-a-key-of-anyone",
            "none" => null,
            _ => LocalPipelineFixture.Principals.First(p => p.Role.Equals(key, StringComparison.OrdinalIgnoreCase) || p.Party == key).Key,
        };
        if (value is not null)
        {
            request.Headers.Add("x-functions-key", value);
        }

        request.Content = content;
        if (uri == "rescreens/dry-run")
        {
            // The schedule in force, proposed again: changes nothing.
            request.Content = new StringContent(PriceCapAttest.Domain.Schedule.CapScheduleLoader.DefaultJson(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var continuation = response.Headers.TryGetValues("x-continuation-token", out var values) ? string.Join(",", values) : null;
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, continuation, WithoutMoments(body));
    }

    /// <summary>The body with the schedule source's own load and check times blanked (each host loads for itself).</summary>
    private static string WithoutMoments(string body)
    {
        if (!body.StartsWith('{'))
        {
            return body;
        }

        var json = JsonNode.Parse(body)!;
        Blank(json);
        return json.ToJsonString();

        static void Blank(JsonNode? node)
        {
            if (node is JsonObject o)
            {
                foreach (var (name, child) in o.ToList())
                {
                    if (Moments.Contains(name))
                    {
                        o[name] = "-";
                    }
                    else
                    {
                        Blank(child);
                    }
                }
            }
            else if (node is JsonArray a)
            {
                foreach (var child in a)
                {
                    Blank(child);
                }
            }
        }
    }
}
