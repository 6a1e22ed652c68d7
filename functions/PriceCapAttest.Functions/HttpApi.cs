using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Api.Hosting;
using PriceCapAttest.Api.Routes;
using Route = PriceCapAttest.Api.Routes;

namespace PriceCapAttest.Functions;

/// <summary>
/// The API on Azure Functions (under <c>/api/</c>: <see cref="Api"/>, host.json has an empty route prefix): each function is one route of
/// <see cref="ApiRoutes"/>, served by its request delegate on the request's HttpContext (ASP.NET Core integration), so
/// both hosts answer alike. The functions are anonymous for the Functions host: the route's own access check (the
/// keys of the <c>Principals</c> settings, or with <c>Authentication:AppService</c> the App Service principal) and
/// rate limit answer 401/403/429 as the local host does (docs/security.md).
/// </summary>
public sealed class HttpApi(ApiRequestDelegates api)
{
    private const AuthorizationLevel Open = AuthorizationLevel.Anonymous;

    /// <summary>host.json sets no route prefix (so the console can be served at /console/); the API routes carry it.</summary>
    internal const string Api = "api/";

    [Function(RouteNames.GetAttestation)]
    public Task<IActionResult> GetAttestation([HttpTrigger(Open, "get", Route = Api + Route.AttestationRoutes.AttestationPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetAttestation, request, context);

    [Function(RouteNames.GetVesselAttestations)]
    public Task<IActionResult> GetVesselAttestations([HttpTrigger(Open, "get", Route = Api + Route.AttestationRoutes.VesselPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetVesselAttestations, request, context);

    [Function(RouteNames.GetReceipt)]
    public Task<IActionResult> GetReceipt([HttpTrigger(Open, "get", Route = Api + Route.AttestationRoutes.ReceiptPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetReceipt, request, context);

    [Function(RouteNames.UploadAttestation)]
    public Task<IActionResult> UploadAttestation([HttpTrigger(Open, "post", Route = Api + Route.UploadRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.UploadAttestation, request, context);

    [Function(RouteNames.PutFleet)]
    public Task<IActionResult> PutFleet([HttpTrigger(Open, "put", Route = Api + Route.FleetRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.PutFleet, request, context);

    [Function(RouteNames.GetFleet)]
    public Task<IActionResult> GetFleet([HttpTrigger(Open, "get", Route = Api + Route.FleetRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetFleet, request, context);

    [Function(RouteNames.GetAudit)]
    public Task<IActionResult> GetAudit([HttpTrigger(Open, "get", Route = Api + Route.AuditRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetAudit, request, context);

    [Function(RouteNames.GetViolations)]
    public Task<IActionResult> GetViolations([HttpTrigger(Open, "get", Route = Api + Route.ViolationRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetViolations, request, context);

    [Function(RouteNames.GetSchedule)]
    public Task<IActionResult> GetSchedule([HttpTrigger(Open, "get", Route = Api + Route.ScheduleRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetSchedule, request, context);

    [Function(RouteNames.ReplayFailedAlerts)]
    public Task<IActionResult> ReplayFailedAlerts([HttpTrigger(Open, "post", Route = Api + Route.AlertRoutes.ReplayPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.ReplayFailedAlerts, request, context);

    [Function(RouteNames.GetRescreens)]
    public Task<IActionResult> GetRescreens([HttpTrigger(Open, "get", Route = Api + Route.RescreenRoutes.RunsPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetRescreens, request, context);

    [Function(RouteNames.GetRescreen)]
    public Task<IActionResult> GetRescreen([HttpTrigger(Open, "get", Route = Api + Route.RescreenRoutes.RunPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetRescreen, request, context);

    [Function(RouteNames.DryRunRescreen)]
    public Task<IActionResult> DryRunRescreen([HttpTrigger(Open, "post", Route = Api + Route.RescreenRoutes.DryRunPattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.DryRunRescreen, request, context);

    [Function(RouteNames.GetMe)]
    public Task<IActionResult> GetMe([HttpTrigger(Open, "get", Route = Api + Route.MeRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetMe, request, context);

    [Function(RouteNames.GetHealth)]
    public Task<IActionResult> GetHealth([HttpTrigger(Open, "get", Route = Api + Route.HealthRoutes.Pattern)] HttpRequest request, FunctionContext context) => Serve(RouteNames.GetHealth, request, context);

    /// <summary>The generated OpenAPI document, as checked in (docs/openapi.json, embedded); no key needed.</summary>
    [Function(RouteNames.GetOpenApiDocument)]
    public async Task<IActionResult> GetOpenApiDocument([HttpTrigger(Open, "get", Route = Api + "openapi.json")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.HttpContext.Response.ContentType = "application/json; charset=utf-8";
        var document = OpenApiCopy.Open();
        await using (document.ConfigureAwait(false))
        {
            await document.CopyToAsync(request.HttpContext.Response.Body, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }

        return new EmptyResult();
    }

    /// <summary>Any other path under /api: a principal of any role, then 404 problem+json (not the Functions host's empty 404).</summary>
    [Function(RouteNames.RouteNotFound)]
    public Task<IActionResult> RouteNotFound([HttpTrigger(Open, "get", "post", "put", "patch", "delete", Route = Api + "{*path}")] HttpRequest request, FunctionContext context) => Serve(RouteNames.RouteNotFound, request, context);

    /// <summary>
    /// The request delegate writes the whole answer; the empty result tells the integration there is nothing more
    /// to write. Route values come from the trigger's binding data (the Functions host matched the route).
    /// </summary>
    private async Task<IActionResult> Serve(string route, HttpRequest request, FunctionContext context)
    {
        await api.InvokeAsync(route, request.HttpContext, name =>
            context.BindingContext.BindingData.TryGetValue(name, out var value) ? value?.ToString() : null).ConfigureAwait(false);
        return new EmptyResult();
    }
}
