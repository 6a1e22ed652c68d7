using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PriceCapAttest.Contracts;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>The caps in force and the state of the schedule source.</summary>
public static class ScheduleRoutes
{
    public const string Tag = "Schedule";
    public const string Pattern = "schedule";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetSchedule, HttpMethods.Get, Pattern, [ApiRole.Shipper, ApiRole.Insurer, ApiRole.Regulator, ApiRole.Operator], GetSchedule, Tag,
            "The caps in force on a loading date",
            "The caps of every regime and category in force on the date (today, UTC, when absent), the schedule source's " +
            "status (blob or embedded, last refused blob) and the caps past their review date.",
            [400]),
    ];

    public static async Task<Ok<ScheduleAnswer>> GetSchedule(
        [FromQuery, Description("A loading date (yyyy-MM-dd); today (UTC) when absent.")] string? asOf,
        ScheduleQueryService schedule,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return TypedResults.Ok(await schedule.GetScheduleAsync(ApiInput.Blank(asOf), context.RequestAborted).ConfigureAwait(false));
    }
}
