using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Parties;

/// <summary>The requests and checks the parties tests share.</summary>
internal static class PartyRequests
{
    public static Uri Relative(string path) => new(path, UriKind.Relative);

    public static Uri Attestation(string shipper, string attestation) =>
        Relative($"attestations/{Uri.EscapeDataString(shipper)}/{Uri.EscapeDataString(attestation)}");

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string query, byte[] body, string? contentType)
    {
        using var content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        return await client.PostAsync(Relative("attestations?" + query), content);
    }

    public static async Task<HttpResponseMessage> PutFleetAsync(HttpClient client, params string[] imos) =>
        await client.PutAsync(Relative("fleet"), JsonContent.Create(new { imos }));

    /// <summary>A problem+json answer of <paramref name="status"/>; its body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string type)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("urn:pricecapattest:problem:" + type, body["type"]!.GetValue<string>());
        return body;
    }

    /// <summary>The fields of the problem's errors extension.</summary>
    public static IReadOnlyList<string> Fields(JsonNode problem) =>
        [.. (problem["errors"]?.AsArray() ?? []).Select(e => e!["field"]!.GetValue<string>())];

    /// <summary>The sample document with another attestation id and vessel.</summary>
    public static async Task<byte[]> SampleAsync(string attestationId, string imo)
    {
        var text = await File.ReadAllTextAsync(BuildInfo.RepositoryFile("samples/json/violation-eu.json"));
        return System.Text.Encoding.UTF8.GetBytes(text
            .Replace("ATT-2026-0043", attestationId, StringComparison.Ordinal)
            .Replace("\"9074729\"", $"\"{imo}\"", StringComparison.Ordinal));
    }

    /// <summary>Waits until <paramref name="client"/> reads the attestation (a shipper's own reads are not audited).</summary>
    public static Task<string> RecordedAsync(HttpClient client, string shipper, string attestationId) =>
        Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync(Attestation(shipper, attestationId));
            return response.StatusCode == HttpStatusCode.OK ? "recorded" : null;
        }, $"{attestationId} of {shipper} is recorded.");
}
