using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using Scalar.AspNetCore;

namespace PriceCapAttest.Api.Hosting;

/// <summary>Maps the API on ASP.NET Core routing (the local host; the Functions app's test host).</summary>
public static class ApiEndpoints
{
    public const string OpenApiPath = ApiRoutes.Prefix + "/openapi.json";
    public const string DocsPath = ApiRoutes.Prefix + "/docs";

    /// <summary>Any other path: a principal of any role, then 404.</summary>
    public static ApiRoute NotFoundRoute { get; } = new(
        RouteNames.RouteNotFound, HttpMethods.Get, "{*path}", Enum.GetValues<ApiRole>(), NotFound, "Service", "No such route", "", []);

    /// <summary>The filters of a route, outermost first: the rate limit, the access check (unless anonymous), then faults.</summary>
    public static IEnumerable<IEndpointFilter> Filters(ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        yield return new RateLimitFilter();
        if (!route.IsAnonymous)
        {
            yield return new AccessFilter(route.Roles);
        }

        yield return new FaultFilter();
    }

    /// <summary>Every route of <see cref="ApiRoutes.All"/> under /api, the OpenAPI document, the reference page, and the 404 of any other path.</summary>
    public static IEndpointRouteBuilder MapPriceCapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(ApiRoutes.Prefix);
        foreach (var route in ApiRoutes.All)
        {
            var endpoint = api.MapMethods(route.Pattern, [route.Method], route.Handler)
                .WithName(route.Name)
                .WithTags(route.Tag)
                .WithSummary(route.Summary)
                .WithDescription(route.Description);
            foreach (var filter in Filters(route))
            {
                endpoint.AddEndpointFilter(filter);
            }

            var problems = route.Problems.Concat(route.IsAnonymous ? [] : [401, 403]).Append(429).Append(500);
            foreach (var status in problems.Order())
            {
                endpoint.ProducesProblem(status);
            }

            if (!route.IsAnonymous)
            {
                endpoint.WithMetadata(new ApiRolesMetadata(route.Roles));
            }

            route.Document?.Invoke(endpoint);
        }

        app.MapOpenApi(OpenApiPath);
        app.MapApiReference();
        var fallback = app.MapFallback("/{**path}", NotFound).ExcludeFromDescription();
        foreach (var filter in Filters(NotFoundRoute))
        {
            fallback.AddEndpointFilter(filter);
        }

        return app;
    }

    /// <summary>The Scalar reference page at <see cref="DocsPath"/> and its scripts (embedded in Scalar.AspNetCore); both hosts map it.</summary>
    public static IEndpointConventionBuilder MapApiReference(this IEndpointRouteBuilder app) =>
        app.MapScalarApiReference(DocsPath, options => options
            .WithTitle(Title)
            // Scalar's default fonts come from fonts.scalar.com; the page must render without a network.
            .DisableDefaultFonts()
            .WithOpenApiRoutePattern(OpenApiPath));

    public const string Title = "PriceCapAttest API";

    private static ProblemHttpResult NotFound(HttpContext context) => Problem.RouteNotFound(context);
}
