using System.Net;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>A path without a key on the local host and on the Functions app's test server: the same answer.</summary>
internal static class BothHostsServe
{
    /// <summary>
    /// Asserts the same status, redirect, content type, <paramref name="headers"/> and bytes; the local host's status
    /// must be one of <paramref name="expected"/> (none given: any).
    /// </summary>
    public static async Task AssertAlikeAsync(LocalPipelineFixture pipeline, string path, HttpStatusCode[] expected, params string[] headers)
    {
        await using var functions = await FunctionsAppServer.StartAsync(pipeline.HostSettings());
        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var local = new HttpClient(handler) { BaseAddress = pipeline.ApiBase };

        using var fromLocal = await local.GetAsync(new Uri(path, UriKind.Relative));
        using var fromFunctions = await functions.Client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(expected.Length == 0 || expected.Contains(fromLocal.StatusCode), $"{path}: {(int)fromLocal.StatusCode} on the local host");
        Assert.Equal(fromLocal.StatusCode, fromFunctions.StatusCode);
        Assert.Equal(fromLocal.Headers.Location, fromFunctions.Headers.Location);
        Assert.Equal(fromLocal.Content.Headers.ContentType?.ToString(), fromFunctions.Content.Headers.ContentType?.ToString());
        foreach (var header in headers)
        {
            Assert.Equal(Values(fromLocal, header), Values(fromFunctions, header));
        }

        Assert.Equal(await fromLocal.Content.ReadAsByteArrayAsync(), await fromFunctions.Content.ReadAsByteArrayAsync());
    }

    private static string? Values(HttpResponseMessage response, string header) =>
        response.Headers.TryGetValues(header, out var values) || response.Content.Headers.TryGetValues(header, out values) ? string.Join(",", values) : null;
}
