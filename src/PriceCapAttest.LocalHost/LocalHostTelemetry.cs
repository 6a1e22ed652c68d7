using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PriceCapAttest.Telemetry;

namespace PriceCapAttest.LocalHost;

public static class LocalHostTelemetry
{
    /// <summary>The pipeline's telemetry (<see cref="TelemetryServiceCollectionExtensions.AddPriceCapTelemetry"/>) plus the API's requests.</summary>
    public static IServiceCollection AddLocalHostTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPriceCapTelemetry(configuration, "PriceCapAttest.LocalHost")
            .WithTracing(tracing => tracing.AddAspNetCoreInstrumentation())
            .WithMetrics(metrics => metrics.AddAspNetCoreInstrumentation());
        return services;
    }
}
