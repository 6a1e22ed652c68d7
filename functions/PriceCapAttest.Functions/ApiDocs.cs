using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Api.Routes;

namespace PriceCapAttest.Functions;

/// <summary>The API reference page at /api/docs and its scripts, as the local host serves them; no key needed.</summary>
public sealed class ApiDocs(ApiReferenceEndpoints reference, ApiRequestDelegates api)
{
    [Function(RouteNames.GetApiDocs)]
    public async Task<IActionResult> GetApiDocs([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpApi.Api + "docs/{*path}")] HttpRequest request, FunctionContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        if (!await reference.TryServeAsync(request.HttpContext).ConfigureAwait(false))
        {
            // A path under docs/ that is not the page: the 404 of any other route, as on the local host.
            await api.InvokeAsync(RouteNames.RouteNotFound, request.HttpContext, _ => null).ConfigureAwait(false);
        }

        return new EmptyResult();
    }
}
