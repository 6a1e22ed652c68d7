using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PriceCapAttest.Api.OpenApi;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;

namespace PriceCapAttest.Api.Hosting;

public static class HttpApiServiceCollectionExtensions
{
    /// <summary>
    /// What both hosts need to serve the API (with the pipeline's query services registered): the JSON spelling,
    /// RFC 9457 problem details with the API's problem types, the key check with the keys of
    /// <paramref name="keys"/>, the OpenAPI document, and the request delegates of the routes.
    /// </summary>
    public static IServiceCollection AddPriceCapHttpApi(this IServiceCollection services, IConfiguration keys)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.Configure<ApiKeyOptions>(keys);
        services.TryAddSingleton<ApiKeyCheck>();
        services.TryAddSingleton<ApiRequestDelegates>();
        services.ConfigureHttpJsonOptions(o => ApiJson.Apply(o.SerializerOptions));
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.Remove("traceId");
            problem.Instance ??= Problem.Instance(context.HttpContext);
            if (problem.Type is null || !problem.Type.StartsWith("urn:", StringComparison.Ordinal))
            {
                problem.Type = Problem.TypeOf(problem.Status ?? context.HttpContext.Response.StatusCode) ?? problem.Type;
            }
        });
        services.AddOpenApi(ApiDocument.Configure);
        return services;
    }
}
