using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests;

/// <summary>
/// Every keyed route of docs/openapi.json (generated from the routes) exists on the running local host and answers in the documented shape (the body
/// validated against the document's component schema); errors are problem+json of the documented shape.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class ApiRoutesMatchTheOpenApiDocument(LocalPipelineFixture pipeline)
{
    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, method) in OpenApiDocument.Operations)
        {
            data.Add(path, method);
        }

        return data;
    }

    /// <summary>
    /// The operations this shared host can answer with success (200, or 202 for an upload): a re-screening run exists only after a schedule change,
    /// so GET /rescreens/{runId} is checked against its schema by RescreeningThroughTheLocalHost instead.
    /// </summary>
    public static TheoryData<string, string> OperationsWithASample()
    {
        var data = new TheoryData<string, string>();
        foreach (var (path, method) in OpenApiDocument.Operations.Where(o => o.Path != "/rescreens/{runId}"))
        {
            data.Add(path, method);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(OperationsWithASample))]
    public async Task Each_Route_Answers_200_In_Its_Documented_Shape(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), RequestUri(path, method, sample));
        if (OpenApiDocument.Operation(path, method)["requestBody"] is not null)
        {
            request.Content = SampleRequests.Body(path);
        }

        using var response = await pipeline.Api.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        var success = OpenApiDocument.Operation(path, method)["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).Single(s => s is >= 200 and < 300);
        Assert.True((int)response.StatusCode == success, $"{path}: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertValid(OpenApiDocument.ResponseSchemaName(path, method, success, "application/json"), body);
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_Route_Refuses_A_Request_Without_The_Key(string path, string method)
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), RequestUri(path, method, sample));
        using var response = await pipeline.Anonymous.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertValid(OpenApiDocument.ResponseSchemaName(path, method, 401, "application/problem+json"), body);
    }

    [Fact]
    public async Task A_Wrong_Key_Is_Refused_And_The_Key_Also_Works_As_The_Code_Parameter()
    {
        using var wrong = new HttpRequestMessage(HttpMethod.Get, new Uri("schedule", UriKind.Relative));
        wrong.Headers.Add("x-functions-key", "not-the-key");
        using var refused = await pipeline.Anonymous.SendAsync(wrong);
        using var byCode = await pipeline.Anonymous.GetAsync(new Uri($"schedule?code={LocalPipelineFixture.InsurerKey}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byCode.StatusCode);
    }

    [Theory]
    [InlineData("attestations/{shipperId}/{attestationId}?version=abc", "version")]
    [InlineData("attestations/{shipperId}/{attestationId}?version=0", "version")]
    [InlineData("vessels/1234568/attestations", "imo")]
    [InlineData("vessels/9074729/attestations?from=2026-13-01", "from")]
    [InlineData("vessels/9074729/attestations?continuationToken=forged", "continuationToken")]
    [InlineData("violations", "regime")]
    [InlineData("violations?regime=XX", "regime")]
    [InlineData("schedule?asOf=yesterday", "asOf")]
    public async Task Bad_Input_Is_A_400_Problem_Naming_The_Parameter(string template, string field)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = template.Replace("{shipperId}", sample.ShipperId, StringComparison.Ordinal)
            .Replace("{attestationId}", sample.AttestationId, StringComparison.Ordinal);
        using var response = await pipeline.Api.GetAsync(new Uri(uri, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertValid("ProblemDetails", body);
        var problem = JsonNode.Parse(body)!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Equal(field, problem["errors"]![0]!["field"]!.GetValue<string>());
        Assert.StartsWith("/api/", problem["instance"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("alerts/replay?attestationId={attestationId}", "shipperId")]
    [InlineData("alerts/replay?shipperId={shipperId}", "attestationId")]
    [InlineData("alerts/replay?shipperId=%01&attestationId={attestationId}", "shipperId")]
    [InlineData("alerts/replay?shipperId={shipperId}&attestationId=a%0Ab", "attestationId")]
    public async Task Bad_Input_To_The_Replay_Is_A_400_Problem_Naming_The_Parameter(string template, string field)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = template.Replace("{shipperId}", sample.ShipperId, StringComparison.Ordinal)
            .Replace("{attestationId}", sample.AttestationId, StringComparison.Ordinal);
        using var response = await pipeline.Api.PostAsync(new Uri(uri, UriKind.Relative), content: null);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertValid("ProblemDetails", body);
        Assert.Equal(field, JsonNode.Parse(body)!["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("attestations/{shipperId}/NO-SUCH-ID")]
    [InlineData("attestations/{shipperId}/{attestationId}?version=99")]
    [InlineData("receipts/attestations/{shipperId}/never-uploaded.json")]
    [InlineData("no-such-route")]
    public async Task Something_Unknown_Is_A_404_Problem(string template)
    {
        var sample = await pipeline.RecordedSampleAsync();
        var uri = template.Replace("{shipperId}", sample.ShipperId, StringComparison.Ordinal)
            .Replace("{attestationId}", sample.AttestationId, StringComparison.Ordinal);
        using var response = await pipeline.Api.GetAsync(new Uri(uri, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertValid("ProblemDetails", body);
    }

    [Fact]
    public async Task Violations_With_Accept_Text_Csv_Are_Csv_With_The_Documented_Columns()
    {
        var sample = await pipeline.RecordedSampleAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("violations?regime=EU", UriKind.Relative));
        request.Headers.Add("Accept", "text/csv");
        using var response = await pipeline.Api.SendAsync(request);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var documented = OpenApiDocument.Operation("/violations", "get")["responses"]!["200"]!["content"]!["text/csv"]!["schema"]!["description"]!.GetValue<string>();
        Assert.EndsWith(lines[0], documented, StringComparison.Ordinal);
        Assert.Contains(lines, line => line.Contains($",{sample.ShipperId},{sample.AttestationId},", StringComparison.Ordinal));
    }

    private static Uri RequestUri(string path, string method, RecordedDocument sample) => SampleRequests.Uri(path, method, sample);

    private static void AssertValid(string component, string body)
    {
        var (valid, errors) = OpenApiDocument.Validate(component, body);
        Assert.True(valid, $"The answer does not match {component}:{Environment.NewLine}{errors}{Environment.NewLine}{body}");
    }
}
