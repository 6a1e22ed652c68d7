using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PriceCapAttest.Api.OpenApi;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;

namespace PriceCapAttest.Api.Hosting;

public static class HttpApiServiceCollectionExtensions
{
    /// <summary>
    /// What both hosts need to serve the API (with the pipeline's query services registered): the JSON spelling,
    /// RFC 9457 problem details with the API's problem types, the access check and rate limit of the
    /// <see cref="ApiAccessOptions"/> in <paramref name="access"/> (<c>Principals</c>, <c>RateLimits</c>,
    /// <c>Authentication:AppService</c>, <c>Authentication:Bearer</c>; validated at start-up), the OpenAPI document, and the request delegates of the routes.
    /// <paramref name="appService"/>: the host runs behind App Service, where <c>Authentication:AppService</c> may be
    /// set; elsewhere that setting is refused.
    /// </summary>
    public static IServiceCollection AddPriceCapHttpApi(this IServiceCollection services, IConfiguration access, bool appService)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(access);
        services.AddOptions<ApiAccessOptions>().Bind(access).ValidateOnStart();
        var prefix = access is IConfigurationSection section ? section.Path + ":" : "";
        services.AddSingleton<IValidateOptions<ApiAccessOptions>>(new ApiAccessOptionsValidator(prefix, appService));
        services.TryAddSingleton<PartyDirectory>();
        services.TryAddSingleton<BearerTokens>();
        services.TryAddSingleton<AccessCheck>();
        services.TryAddSingleton<ApiRateLimiter>();
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
