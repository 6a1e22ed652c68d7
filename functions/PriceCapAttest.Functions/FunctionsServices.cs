using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.DependencyInjection;

namespace PriceCapAttest.Functions;

/// <summary>The services of the Functions app (also what the tests host its HTTP functions with).</summary>
public static class FunctionsServices
{
    /// <summary>The configuration section of the API keys: <c>ApiKeys:Insurer:0</c>, <c>ApiKeys:Regulator:0</c>, ...</summary>
    public const string ApiKeysSection = "ApiKeys";

    public static IServiceCollection AddPriceCapFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services
            .AddPriceCapPipeline(configuration)
            .AddPriceCapAlerts(configuration)
            .AddPriceCapHttpApi(configuration.GetSection(ApiKeysSection));
    }
}
