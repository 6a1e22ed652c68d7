using Microsoft.Extensions.Configuration;

namespace PriceCapAttest.Telemetry;

/// <summary>
/// Where telemetry goes, decided from the configuration (environment variables included): OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set,
/// both when both are, nowhere (no exporter, no network call) when neither is.
/// </summary>
public sealed record TelemetryExport(Uri? OtlpEndpoint, string? AzureMonitorConnectionString)
{
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string AzureMonitorKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public bool ExportsAnything => OtlpEndpoint is not null || AzureMonitorConnectionString is not null;

    public static TelemetryExport From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var otlp = configuration[OtlpEndpointKey];
        Uri? endpoint = null;
        if (!string.IsNullOrWhiteSpace(otlp) &&
            (!Uri.TryCreate(otlp.Trim(), UriKind.Absolute, out endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new InvalidOperationException($"{OtlpEndpointKey} is not an http(s) URL: '{otlp}'.");
        }

        var connectionString = configuration[AzureMonitorKey];
        return new TelemetryExport(endpoint, string.IsNullOrWhiteSpace(connectionString) ? null : connectionString.Trim());
    }
}
