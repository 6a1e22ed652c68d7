using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PriceCapAttest.Contracts;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Rescreening;

namespace PriceCapAttest.Api.Routes;

/// <summary>The operator's view of re-screening: the runs, one run's changes, and a dry run of a proposed schedule.</summary>
public static class RescreenRoutes
{
    public const string Tag = "Re-screening";
    public const string RunsPattern = "rescreens";
    public const string RunPattern = "rescreens/{runId}";
    public const string DryRunPattern = "rescreens/dry-run";

    /// <summary>The largest proposed schedule a dry run reads (the embedded one is about 60 KB).</summary>
    public const int MaxScheduleChars = 1024 * 1024;

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetRescreens, HttpMethods.Get, RunsPattern, [ApiRole.Operator], GetRescreens, Tag,
            "Every re-screening run", "Every re-screening run, newest first, with its status and progress.", []),
        new(RouteNames.GetRescreen, HttpMethods.Get, RunPattern, [ApiRole.Operator], GetRescreen, Tag,
            "One re-screening run and the attestations it changed", "The run and one page of the attestations it changed.", [400, 404]),
        new(RouteNames.DryRunRescreen, HttpMethods.Post, DryRunPattern, [ApiRole.Operator], DryRunRescreen, Tag,
            "What publishing a proposed cap schedule would change",
            "The proposed cap schedule (JSON) as the body; writes nothing. A schedule the pipeline would refuse is 400 with every problem.",
            [400])
        {
            // Documented only: Accepts metadata would make routing refuse a request of another content type.
            Document = route => route.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = $"The proposed cap schedule (the format of config/cap-schedule.json), at most {MaxScheduleChars} characters.",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
                };
                return Task.CompletedTask;
            }),
        },
    ];

    public static async Task<Ok<RescreenRunsAnswer>> GetRescreens(RescreenRunStore rescreens, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(rescreens);
        return TypedResults.Ok(new RescreenRunsAnswer(await rescreens.ListRunsAsync(context.RequestAborted).ConfigureAwait(false)));
    }

    public static async Task<Results<Ok<RescreenRunAnswer>, ProblemHttpResult>> GetRescreen(
        [Description("The run id (from GET /api/rescreens).")] string runId,
        [FromQuery, Description("The continuationToken of the previous page of changes.")] string? continuationToken,
        [FromQuery, Description("Changes per page, 1 to 1000 (default 100).")] string? pageSize,
        RescreenRunStore rescreens,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(rescreens);
        QueryInput.Id(runId, "runId");
        var size = QueryInput.PageSize(ApiInput.OptionalInt(pageSize, "pageSize"));
        if (await rescreens.GetRunAsync(runId, context.RequestAborted).ConfigureAwait(false) is not { } run)
        {
            return Problem.NotFound(context, $"No re-screening run '{runId}'.");
        }

        var (items, next) = await rescreens.ListChangesAsync(runId, ApiInput.Blank(continuationToken), size, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(new RescreenRunAnswer(run, new PagedAnswer<RescreenChange>(items, next)));
    }

    public static async Task<Results<Ok<RescreenDryRunReport>, ProblemHttpResult>> DryRunRescreen(
        RescreenDryRun dryRun, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(dryRun);
        ArgumentNullException.ThrowIfNull(context);
        var buffer = new char[MaxScheduleChars + 1];
        using var reader = new StreamReader(context.Request.Body);
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false);
        if (length > MaxScheduleChars)
        {
            throw new InvalidQueryException("body", $"The schedule is longer than {MaxScheduleChars} characters, the most read.");
        }

        var body = new string(buffer, 0, length);
        if (string.IsNullOrWhiteSpace(body))
        {
            throw new InvalidQueryException("body", "Send the proposed cap schedule (JSON) as the request body.");
        }

        try
        {
            return TypedResults.Ok(await dryRun.RunAsync(body, context.RequestAborted).ConfigureAwait(false));
        }
        catch (InvalidCapScheduleException e)
        {
            return Problem.Invalid(context, "Invalid cap schedule", $"The proposed schedule would be refused: {e.Problems.Count} problem(s).",
                [.. e.Problems.Select(p => new FieldError("body", p))]);
        }
    }
}
