using System.Net;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The request limit of each principal (<c>RateLimits:PermitLimit</c> per <c>RateLimits:Window</c>), here on the
/// Functions app's HTTP functions with a limit of 3 per 10 minutes (the local host serves the same filters, see
/// BothHostsAnswerAlike): the 4th request is 429 problem+json with Retry-After; another principal is unaffected.
/// </summary>
[Collection(LocalPipelineCollection.Name)]
public sealed class RequestsAreRateLimited(LocalPipelineFixture pipeline)
{
    [Fact]
    public async Task Over_The_Limit_Is_429_With_Retry_After_For_That_Principal_Only()
    {
        var settings = pipeline.HostSettings();
        settings["RateLimits:PermitLimit"] = "3";
        settings["RateLimits:Window"] = "00:10:00";
        await using var functions = await FunctionsAppServer.StartAsync(settings);

        for (var i = 0; i < 3; i++)
        {
            using var allowed = await SendAsync(functions.Client, "schedule", LocalPipelineFixture.InsurerKey);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await SendAsync(functions.Client, "schedule", LocalPipelineFixture.InsurerKey);
        using var otherRoute = await SendAsync(functions.Client, "vessels/9074729/attestations", LocalPipelineFixture.InsurerKey);
        using var otherPrincipal = await SendAsync(functions.Client, "schedule", LocalPipelineFixture.OperatorKey);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, otherRoute.StatusCode);
        Assert.Equal(HttpStatusCode.OK, otherPrincipal.StatusCode);
        var retryAfter = Assert.Single(limited.Headers.GetValues("Retry-After"));
        Assert.InRange(int.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture), 1, 600);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await limited.Content.ReadAsStringAsync())!;
        Assert.Equal("urn:pricecapattest:problem:rate-limited", problem["type"]!.GetValue<string>());
        Assert.Equal(429, problem["status"]!.GetValue<int>());
        var (valid, errors) = OpenApiDocument.Validate("ProblemDetails", problem.ToJsonString());
        Assert.True(valid, errors);
    }

    [Fact]
    public async Task Requests_Without_A_Principal_Share_The_Limit_Of_Their_Address()
    {
        var settings = pipeline.HostSettings();
        settings["RateLimits:PermitLimit"] = "2";
        settings["RateLimits:Window"] = "00:10:00";
        await using var functions = await FunctionsAppServer.StartAsync(settings);

        using var first = await SendAsync(functions.Client, "health", null);
        using var wrongKey = await SendAsync(functions.Client, "schedule", "not-a-key-of-anyone");
        using var limited = await SendAsync(functions.Client, "health", null);
        using var keyed = await SendAsync(functions.Client, "health", LocalPipelineFixture.InsurerKey);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string uri, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(uri, UriKind.Relative));
        if (key is not null)
        {
            request.Headers.Add("x-functions-key", key);
        }

        return await client.SendAsync(request);
    }
}
