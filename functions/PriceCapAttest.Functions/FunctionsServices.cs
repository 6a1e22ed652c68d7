using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;
using PriceCapAttest.WebConsole;

namespace PriceCapAttest.Functions;

/// <summary>The services of the Functions app (also what the tests host its HTTP functions with).</summary>
public static class FunctionsServices
{
    public static IServiceCollection AddPriceCapFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddPriceCapPipeline(configuration)
            .AddPriceCapAlerts(configuration)
            .AddUnstartedAlertSweep()
            // Principals:{n}:Key|Role|PartyId, RateLimits:*, Authentication:AppService (docs/security.md).
            .AddPriceCapHttpApi(configuration, appService: true)
            .AddSingleton<ApiReferenceEndpoints>()
            // Console:Entra:ClientId|Authority|Scope (docs/console.md); none: the console signs in with keys.
            .AddPriceCapConsole(configuration.GetSection(ConsoleOptions.Section));
    }
}
