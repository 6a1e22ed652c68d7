using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>The health of the service, without a key (for probes and monitoring).</summary>
public static class HealthRoutes
{
    public const string Tag = "Service";
    public const string Pattern = "health";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetHealth, HttpMethods.Get, Pattern, [], GetHealth, Tag,
            "Whether the service can serve",
            "Storage reachable (tables and blobs), the schedule source (valid, refused, stale or unavailable) and the alert queue's " +
            "backlog and poison counts. 200 while serving, 503 when storage is unreachable or no valid schedule is in force; no key needed.",
            [])
        {
            Document = route => route.Produces<HealthAnswer>(StatusCodes.Status200OK).Produces<HealthAnswer>(StatusCodes.Status503ServiceUnavailable),
        },
    ];

    public static async Task<JsonHttpResult<HealthAnswer>> GetHealth(HealthQueryService health, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(health);
        var answer = await health.CheckAsync(context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Json(answer, statusCode: answer.Status == HealthAnswer.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
