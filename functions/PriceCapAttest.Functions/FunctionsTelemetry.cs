using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Telemetry;

namespace PriceCapAttest.Functions;

public static class FunctionsTelemetry
{
    /// <summary>The pipeline's telemetry (<see cref="TelemetryServiceCollectionExtensions.AddPriceCapTelemetry"/>) plus the worker's invocation spans and resource.</summary>
    public static IServiceCollection AddFunctionsTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPriceCapTelemetry(configuration, "PriceCapAttest.Functions").UseFunctionsWorkerDefaults();
        return services;
    }
}
