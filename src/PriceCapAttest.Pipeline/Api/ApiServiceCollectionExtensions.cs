using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PriceCapAttest.Pipeline.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PriceCapApi"/> (needs the query services of the pipeline registration).</summary>
    public static IServiceCollection AddPriceCapApi(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<PriceCapApi>();
        return services;
    }
}
