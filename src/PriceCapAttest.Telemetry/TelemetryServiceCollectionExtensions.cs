using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Registers the OpenTelemetry SDK for traces (source <c>PriceCapAttest</c>), metrics (meter <c>PriceCapAttest</c>)
    /// and logs, named <paramref name="serviceName"/> unless <c>OTEL_SERVICE_NAME</c> is set, with the exporters that
    /// <see cref="TelemetryExport.From"/> decides on: none at all while neither setting is there. Returns the builder
    /// so a host adds its own instrumentation.
    /// </summary>
    /// <remarks>
    /// The HttpClient's own spans are not collected on purpose: alert endpoint URLs may carry access keys
    /// (see <c>AlertServiceCollectionExtensions</c>, which drops the HttpClient logs for the same reason).
    /// </remarks>
    public static OpenTelemetryBuilder AddPriceCapTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);

        var export = TelemetryExport.From(configuration);
        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : serviceName;
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(name))
            .WithTracing(tracing => tracing.AddSource(TelemetryNames.Source))
            .WithMetrics(metrics => metrics.AddMeter(TelemetryNames.Source))
            .WithLogging(logging => { }, options => options.IncludeFormattedMessage = true);

        if (export.OtlpEndpoint is not null)
        {
            // Endpoint, protocol and headers are read by the exporter from the OTEL_EXPORTER_OTLP_* settings.
            builder.UseOtlpExporter();
        }

        if (export.AzureMonitorConnectionString is { } connectionString)
        {
            builder.UseAzureMonitorExporter(options => options.ConnectionString = connectionString);
        }

        return builder;
    }
}
