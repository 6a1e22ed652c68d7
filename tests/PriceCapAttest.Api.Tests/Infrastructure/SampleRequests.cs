using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// A request of each operation of docs/openapi.json that the shared host answers with success, about the recorded
/// sample, with a body that changes nothing shared: the schedule in force proposed again, insurer-1's fleet as it is,
/// a document the ingest refuses (no attestation is recorded).
/// </summary>
internal static class SampleRequests
{
    /// <summary>The path with its parameters filled from the recorded sample, plus the required query parameters.</summary>
    public static Uri Uri(string path, string method, RecordedDocument sample)
    {
        var filled = path.TrimStart('/')
            .Replace("{shipperId}", System.Uri.EscapeDataString(sample.ShipperId), StringComparison.Ordinal)
            .Replace("{attestationId}", System.Uri.EscapeDataString(sample.AttestationId), StringComparison.Ordinal)
            .Replace("{imo}", LocalPipelineFixture.SampleImo, StringComparison.Ordinal)
            .Replace("{blobPath}", sample.BlobPath, StringComparison.Ordinal)
            .Replace("{runId}", "20261201T090000000Z-00000000", StringComparison.Ordinal);
        var query = path == "/violations" ? "?regime=EU" : path == "/attestations" && method == "post" ? "?name=openapi-shape.json" : "";
        return new Uri(filled + query, UriKind.Relative);
    }

    /// <summary>The body of an operation that has one.</summary>
    public static HttpContent Body(string path) => new StringContent(
        path switch
        {
            "/rescreens/dry-run" => CapScheduleLoader.DefaultJson(),
            "/fleet" => $$"""{"imos":["{{LocalPipelineFixture.SampleImo}}"]}""",
            _ => "{}",
        },
        System.Text.Encoding.UTF8,
        "application/json");
}
