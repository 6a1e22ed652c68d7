using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// Every route of docs/openapi.json, through the local host process: the role its document declares (insurerKey or
/// regulatorKey) is the role the host enforces. No key, an unknown key, or a key of the other role (header or
/// <c>?code=</c>) is refused with 401 or 403 problem+json, and never reaches the data.
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

    [Fact]
    public void The_Document_Gives_Each_Route_Exactly_One_Role_And_Violations_Alert_Replay_And_Rescreens_To_Regulators()
    {
        foreach (var (path, method) in OpenApiDocument.Operations)
        {
            var role = Role(path, method);
            Assert.Equal(path is "/violations" or "/alerts/replay" || path.StartsWith("/rescreens", StringComparison.Ordinal) ? "regulator" : "insurer", role);
            Assert.Equal(role == "regulator", LocalPipelineFixture.IsRegulatorRoute(path));
            Assert.NotNull(OpenApiDocument.Operation(path, method)["responses"]!["403"]);
        }
    }

    [Theory]
    [MemberData(nameof(ApiRoutesMatchTheOpenApiDocument.OperationsWithASample), MemberType = typeof(ApiRoutesMatchTheOpenApiDocument))]
    public async Task The_Route_Answers_Its_Own_Role(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), RequestUri(path, method, sample));
        if (OpenApiDocument.Operation(path, method)["requestBody"] is not null)
        {
            request.Content = new StringContent(PriceCapAttest.Domain.Schedule.CapScheduleLoader.DefaultJson(), System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await Client(Role(path, method)).SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
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
    public async Task The_Other_Roles_Key_Is_403_In_The_Header_And_As_Code(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = RequestUri(path, method, sample);
        var other = Role(path, method) == "insurer" ? LocalPipelineFixture.RegulatorKey : LocalPipelineFixture.InsurerKey;
        using var header = await Send(method, uri, other);
        using var code = await Send(method, WithCode(uri, other), null);
        using var upper = await Send(method, new Uri(uri.OriginalString.ToUpperInvariant().Split('?')[0] + Query(uri), UriKind.Relative), other);

        await AssertProblem(header, HttpStatusCode.Forbidden, path);
        await AssertProblem(code, HttpStatusCode.Forbidden, path);
        await AssertProblem(upper, HttpStatusCode.Forbidden, path + " (upper case)");
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
    public async Task A_Regulator_Key_Reads_No_Attestation_And_An_Insurer_Key_No_Violation_Csv()
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var attestation = await pipeline.Regulator.GetAsync(
            new Uri($"attestations/{Uri.EscapeDataString(sample.ShipperId)}/{Uri.EscapeDataString(sample.AttestationId)}", UriKind.Relative));
        using var csv = new HttpRequestMessage(HttpMethod.Get, new Uri("violations?regime=EU", UriKind.Relative));
        csv.Headers.Add("Accept", "text/csv");
        using var violations = await pipeline.Insurer.SendAsync(csv);

        var attestationBody = await attestation.Content.ReadAsStringAsync();
        var violationsBody = await violations.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Forbidden, attestation.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, violations.StatusCode);
        Assert.DoesNotContain("\"verdict\"", attestationBody, StringComparison.Ordinal);
        Assert.Equal("application/problem+json", violations.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(sample.ShipperId, violationsBody, StringComparison.Ordinal);
    }

    private HttpClient Client(string role) => role == "insurer" ? pipeline.Insurer : pipeline.Regulator;

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
        Assert.DoesNotContain(LocalPipelineFixture.InsurerKey, body, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalPipelineFixture.RegulatorKey, body, StringComparison.Ordinal);
    }

    /// <summary>The role of the operation's security requirement: "insurer" or "regulator".</summary>
    private static string Role(string path, string method)
    {
        var schemes = OpenApiDocument.Operation(path, method)["security"]!.AsArray()
            .SelectMany(r => r!.AsObject().Select(p => p.Key))
            .Select(k => k.Replace("KeyQuery", "", StringComparison.Ordinal).Replace("Key", "", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return Assert.Single(schemes);
    }

    private static Uri WithCode(Uri uri, string key) =>
        new(uri.OriginalString + (uri.OriginalString.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "code=" + Uri.EscapeDataString(key), UriKind.Relative);

    private static string Query(Uri uri)
    {
        var q = uri.OriginalString.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? "" : uri.OriginalString[q..];
    }

    /// <summary>The path with its parameters filled from the recorded sample, plus the required query parameters.</summary>
    internal static Uri RequestUri(string path, string method, RecordedDocument sample)
    {
        var filled = path.TrimStart('/')
            .Replace("{shipperId}", Uri.EscapeDataString(sample.ShipperId), StringComparison.Ordinal)
            .Replace("{attestationId}", Uri.EscapeDataString(sample.AttestationId), StringComparison.Ordinal)
            .Replace("{imo}", "9074729", StringComparison.Ordinal)
            .Replace("{blobPath}", sample.BlobPath, StringComparison.Ordinal)
            .Replace("{runId}", "20261201T090000000Z-00000000", StringComparison.Ordinal);
        // The one required query parameter of the API.
        return new Uri(path == "/violations" ? filled + "?regime=EU" : filled, UriKind.Relative);
    }
}
