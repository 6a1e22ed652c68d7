using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// Every route of docs/openapi.json, through the local host process: the roles its document declares (x-roles) are
/// the roles the host admits. No key or an unknown key is 401, the key of a role not admitted (header or
/// <c>?code=</c>) 403 problem+json, and neither reaches the data.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class KeysAreSeparatedByRole(LocalPipelineFixture pipeline)
{
    public static TheoryData<string, string> Paths()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, method) in OpenApiDocument.Operations)
        {
            data.Add(path, method);
        }

        return data;
    }

    [Theory]
    [InlineData("/attestations/{shipperId}/{attestationId}", "get", "Shipper,Insurer,Regulator,Operator")]
    [InlineData("/vessels/{imo}/attestations", "get", "Insurer,Operator")]
    [InlineData("/receipts/{blobPath}", "get", "Shipper,Operator")]
    [InlineData("/attestations", "post", "Shipper")]
    [InlineData("/fleet", "put", "Insurer")]
    [InlineData("/fleet", "get", "Insurer")]
    [InlineData("/audit", "get", "Shipper")]
    [InlineData("/schedule", "get", "Shipper,Insurer,Regulator,Operator")]
    [InlineData("/violations", "get", "Regulator,Operator")]
    [InlineData("/alerts/replay", "post", "Operator")]
    [InlineData("/rescreens", "get", "Operator")]
    [InlineData("/rescreens/{runId}", "get", "Operator")]
    [InlineData("/rescreens/dry-run", "post", "Operator")]
    [InlineData("/me", "get", "Shipper,Insurer,Regulator,Operator")]
    public void The_Document_Gives_Each_Route_Its_Roles_And_Either_The_Key_Or_The_Bearer_Scheme(string path, string method, string roles)
    {
        var operation = OpenApiDocument.Operation(path, method);
        Assert.Equal(roles.Split(','), Roles(path, method));
        // Two requirements of one scheme each: a key, or an Entra ID bearer token (not both in one request).
        Assert.Equal(["apiKey", "entraId"], operation["security"]!.AsArray().Select(r => Assert.Single(r!.AsObject()).Key));
        Assert.NotNull(operation["responses"]!["403"]);
        Assert.NotNull(operation["responses"]!["429"]);
        Assert.Contains("Roles: " + roles.Replace(",", ", ", StringComparison.Ordinal), operation["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_Keyed_Operation_Is_Listed_Above() => Assert.Equal(14, OpenApiDocument.Operations.Count);

    [Theory]
    [MemberData(nameof(ApiRoutesMatchTheOpenApiDocument.OperationsWithASample), MemberType = typeof(ApiRoutesMatchTheOpenApiDocument))]
    public async Task The_Route_Answers_Its_Own_Role(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), RequestUri(path, method, sample));
        if (OpenApiDocument.Operation(path, method)["requestBody"] is not null)
        {
            request.Content = SampleRequests.Body(path);
        }

        using var response = await Client(Roles(path, method)[^1]).SendAsync(request);

        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task No_Key_Or_An_Unknown_Key_Is_401(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = RequestUri(path, method, sample);
        using var none = await Send(method, uri, null);
        using var wrong = await Send(method, uri, "not-a-key-of-anyone");
        using var empty = await Send(method, uri, "");
        using var prefix = await Send(method, uri, LocalPipelineFixture.InsurerKey[..^1]);
        using var longer = await Send(method, uri, LocalPipelineFixture.RegulatorKey + "x");
        using var byCode = await Send(method, WithCode(uri, "not-a-key-of-anyone"), null);

        foreach (var response in new[] { none, wrong, empty, prefix, longer, byCode })
        {
            await AssertProblem(response, HttpStatusCode.Unauthorized, path);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_Key_Of_A_Role_Not_Admitted_Is_403_In_The_Header_And_As_Code(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = RequestUri(path, method, sample);
        var others = LocalPipelineFixture.Principals.Where(p => !Roles(path, method).Contains(p.Role)).ToList();
        foreach (var (role, _, other) in others)
        {
            using var header = await Send(method, uri, other);
            using var code = await Send(method, WithCode(uri, other), null);
            using var upper = await Send(method, new Uri(uri.OriginalString.ToUpperInvariant().Split('?')[0] + Query(uri), UriKind.Relative), other);

            await AssertProblem(header, HttpStatusCode.Forbidden, $"{path} ({role})");
            await AssertProblem(code, HttpStatusCode.Forbidden, $"{path} ({role})");
            await AssertProblem(upper, HttpStatusCode.Forbidden, $"{path} ({role}, upper case)");
        }
    }

    [Fact]
    public async Task A_Path_That_Is_No_Route_Needs_A_Key_Too()
    {
        using var none = await pipeline.Anonymous.GetAsync(new Uri("no-such-route", UriKind.Relative));
        using var regulator = await pipeline.Regulator.GetAsync(new Uri("no-such-route", UriKind.Relative));

        await AssertProblem(none, HttpStatusCode.Unauthorized, "/no-such-route");
        Assert.Equal(HttpStatusCode.NotFound, regulator.StatusCode);
    }

    [Fact]
    public async Task A_Regulator_Key_Reads_No_Receipt_And_An_Insurer_Key_No_Violation_Csv()
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var attestation = await pipeline.Regulator.GetAsync(new Uri("receipts/" + sample.BlobPath, UriKind.Relative));
        using var csv = new HttpRequestMessage(HttpMethod.Get, new Uri("violations?regime=EU", UriKind.Relative));
        csv.Headers.Add("Accept", "text/csv");
        using var violations = await pipeline.Insurer.SendAsync(csv);

        var attestationBody = await attestation.Content.ReadAsStringAsync();
        var violationsBody = await violations.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, attestation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, violations.StatusCode);
        Assert.DoesNotContain("\"attestations\"", attestationBody, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", violations.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(sample.ShipperId, violationsBody, StringComparison.Ordinal);
    }

    private HttpClient Client(string role) => role switch
    {
        "Shipper" => pipeline.Shipper,
        "Insurer" => pipeline.Insurer,
        "Regulator" => pipeline.Regulator,
        _ => pipeline.Operator,
    };

    /// <summary>The request without a key (null), or with <paramref name="key"/> in the x-functions-key header.</summary>
    private async Task<HttpResponseMessage> Send(string method, Uri uri, string? key)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), uri);
        if (key is not null)
        {
            request.Headers.TryAddWithoutValidation("x-functions-key", key);
        }

        return await pipeline.Anonymous.SendAsync(request);
    }

    private static async Task AssertProblem(HttpResponseMessage response, HttpStatusCode status, string path)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{path}: expected {(int)status}, got {(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var (valid, errors) = OpenApiDocument.Validate("ProblemDetails", body);
        Assert.True(valid, errors);
        Assert.Equal((int)status, JsonNode.Parse(body)!["status"]!.GetValue<int>());
        Assert.DoesNotContain("\"items\"", body, StringComparison.Ordinal);
        Assert.All(LocalPipelineFixture.Principals, p => Assert.DoesNotContain(p.Key, body, StringComparison.Ordinal));
    }

    /// <summary>The roles of the operation's x-roles extension.</summary>
    private static List<string> Roles(string path, string method) =>
        [.. OpenApiDocument.Operation(path, method)["x-roles"]!.AsArray().Select(r => r!.GetValue<string>())];

    private static Uri WithCode(Uri uri, string key) =>
        new(uri.OriginalString + (uri.OriginalString.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(key), UriKind.Relative);

    private static string Query(Uri uri)
    {
        var q = uri.OriginalString.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? "" : uri.OriginalString[q..];
    }

    internal static Uri RequestUri(string path, string method, RecordedDocument sample) => SampleRequests.Uri(path, method, sample);
}
