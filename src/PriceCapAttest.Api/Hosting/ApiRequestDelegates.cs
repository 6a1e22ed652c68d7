using System.Collections.Frozen;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using PriceCapAttest.Api.Routes;

namespace PriceCapAttest.Api.Hosting;

/// <summary>
/// Each route's request delegate, built once with <see cref="RequestDelegateFactory"/> from its handler with the
/// same parameter binding and filters as the mapped endpoints: what a host without ASP.NET Core routing (the
/// Functions app) invokes on the request's <see cref="HttpContext"/>.
/// </summary>
public sealed class ApiRequestDelegates
{
    private readonly FrozenDictionary<string, (RequestDelegate Invoke, RoutePattern Pattern)> _routes;

    public ApiRequestDelegates(IServiceProvider services)
    {
        _routes = ApiRoutes.All.Append(ApiEndpoints.NotFoundRoute).ToFrozenDictionary(r => r.Name, r => Build(r, services));
    }

    /// <summary>
    /// Serves the route named <paramref name="routeName"/>; <paramref name="routeValues"/> gives each route parameter
    /// not yet in the request's route values (the Functions host matched the route, not ASP.NET Core).
    /// </summary>
    public Task InvokeAsync(string routeName, HttpContext context, Func<string, string?> routeValues)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(routeValues);
        var (invoke, pattern) = _routes[routeName];
        foreach (var parameter in pattern.Parameters)
        {
            if (!context.Request.RouteValues.ContainsKey(parameter.Name) && routeValues(parameter.Name) is { } value)
            {
                context.Request.RouteValues[parameter.Name] = value;
            }
        }

        return invoke(context);
    }

    private static (RequestDelegate, RoutePattern) Build(ApiRoute route, IServiceProvider services)
    {
        var pattern = RoutePatternFactory.Parse(route.Pattern);
        var builder = new RouteEndpointBuilder(null, pattern, 0) { ApplicationServices = services };
        foreach (var filter in ApiEndpoints.Filters(route))
        {
            builder.FilterFactories.Add((_, next) => context => filter.InvokeAsync(context, next));
        }

        var result = RequestDelegateFactory.Create(route.Handler, new RequestDelegateFactoryOptions
        {
            ServiceProvider = services,
            RouteParameterNames = [.. pattern.Parameters.Select(p => p.Name)],
            EndpointBuilder = builder,
        });
        return (result.RequestDelegate, pattern);
    }
}
