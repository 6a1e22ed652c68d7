using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;
using PriceCapAttest.Api.Hosting;

namespace PriceCapAttest.Functions;

/// <summary>
/// Scalar's own endpoints for the reference page (<see cref="ApiEndpoints.MapApiReference"/>), mapped once on a
/// private route builder, so the Functions app answers /api/docs with the same delegates as the local host.
/// </summary>
public sealed class ApiReferenceEndpoints
{
    private readonly Lazy<IReadOnlyList<(TemplateMatcher Matcher, RequestDelegate Handler)>> _endpoints;

    public ApiReferenceEndpoints(IServiceProvider services)
    {
        var builder = new EndpointCollector(services);
        builder.MapApiReference();
        // Built on first use: the endpoints' delegates resolve services of the finished container.
        _endpoints = new(() => builder.DataSources.SelectMany(source => source.Endpoints).OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RequestDelegate is not null)
            // Literal paths (the scripts) before the page's optional {documentName}.
            .OrderBy(endpoint => endpoint.RoutePattern.Parameters.Count)
            .Select(endpoint => (new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), new RouteValueDictionary(endpoint.RoutePattern.Defaults)), endpoint.RequestDelegate!))
            .ToList());
    }

    /// <summary>Serves the request if its path is one of the page's endpoints; false otherwise (nothing written).</summary>
    public async Task<bool> TryServeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (matcher, handler) in _endpoints.Value)
        {
            var values = new RouteValueDictionary();
            if (matcher.TryMatch(context.Request.Path, values))
            {
                context.Request.RouteValues = values;
                await handler(context).ConfigureAwait(false);
                return true;
            }
        }

        return false;
    }

    private sealed class EndpointCollector(IServiceProvider services) : IEndpointRouteBuilder
    {
        public IServiceProvider ServiceProvider { get; } = services;

        public ICollection<EndpointDataSource> DataSources { get; } = [];

        public IApplicationBuilder CreateApplicationBuilder() => new ApplicationBuilder(ServiceProvider);
    }
}
