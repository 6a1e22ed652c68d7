using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.LocalHost.Http;

/// <summary>
/// The routes of the API under <c>/api</c>, as the Functions app declares them; each hands its inputs to
/// <see cref="PriceCapApi"/> and writes back its answer unchanged. Each route names the role whose key it requires
/// (<see cref="ApiRoleMetadata"/>, checked by <see cref="ApiKeyMiddleware"/>).
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api";

    public static IEndpointRouteBuilder MapPriceCapApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Prefix);

        api.MapGet("attestations/{shipperId}/{attestationId}", async (string shipperId, string attestationId, HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetAttestationAsync(shipperId, attestationId, Query(request, "version"), request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Insurer));

        api.MapGet("vessels/{imo}/attestations", async (string imo, HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetVesselAttestationsAsync(
                imo, Query(request, "from"), Query(request, "to"), Query(request, "continuationToken"), Query(request, "pageSize"),
                request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Insurer));

        api.MapGet("violations", async (HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetViolationsAsync(
                Query(request, "regime"), Query(request, "from"), Query(request, "to"), Query(request, "continuationToken"), Query(request, "pageSize"),
                request.Headers.Accept.ToString(), request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Regulator));

        api.MapGet("receipts/{**blobPath}", async (string blobPath, HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetReceiptAsync(blobPath, request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Insurer));

        api.MapGet("schedule", async (HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetScheduleAsync(Query(request, "asOf"), request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Insurer));

        api.MapPost("alerts/replay", async (HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.ReplayFailedAlertsAsync(
                Query(request, "shipperId"), Query(request, "attestationId"), request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Regulator));

        api.MapGet("rescreens", async (HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetRescreensAsync(request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Regulator));

        api.MapGet("rescreens/{runId}", async (string runId, HttpRequest request, PriceCapApi handler) =>
            new ApiResult(await handler.GetRescreenAsync(
                runId, Query(request, "continuationToken"), Query(request, "pageSize"), request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false)))
            .WithMetadata(new ApiRoleMetadata(ApiRole.Regulator));

        api.MapPost("rescreens/dry-run", async (HttpRequest request, PriceCapApi handler) =>
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            return new ApiResult(await handler.DryRunAsync(body, request.Path, request.HttpContext.RequestAborted).ConfigureAwait(false));
        }).WithMetadata(new ApiRoleMetadata(ApiRole.Regulator));

        app.MapFallback((HttpRequest request) => new ApiResult(PriceCapApi.RouteNotFound(request.Path)));
        return app;
    }

    private static string? Query(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var values) ? values.ToString() : null;
}
