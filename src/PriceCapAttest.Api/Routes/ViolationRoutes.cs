using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>The regulator's list of violations of a regime: a JSON page, or with <c>Accept: text/csv</c> a CSV export.</summary>
public static class ViolationRoutes
{
    public const string Tag = "Violations";
    public const string Pattern = "violations";

    /// <summary>At most this many rows go into one CSV export; a longer one ends with a continuation header.</summary>
    public const int MaxCsvRows = 10_000;

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetViolations, HttpMethods.Get, Pattern, [ApiRole.Regulator, ApiRole.Operator], GetViolations, Tag,
            "Violations of a regime by loading date (JSON page, or CSV)",
            $"With Accept: text/csv the answer is CSV of all rows (at most {MaxCsvRows}; then the {ApiHeaders.ContinuationToken} header asks for the rest). " +
            "CSV header line: " + string.Join(',', ViolationCsvWriter.Columns) + ". A regulator reads its own regime only (403 otherwise).",
            [400])
        {
            Document = route => route.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                var ok = (OpenApiResponse)operation.Responses!["200"];
                ok.Content!["text/csv"] = new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Description = "RFC 4180 CSV with the header line: " + string.Join(',', ViolationCsvWriter.Columns) },
                };
                ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                ok.Headers[ApiHeaders.ContinuationToken] = new OpenApiHeader
                {
                    Description = "CSV only: present when the export was cut short; pass it as continuationToken for the rest.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                return Task.CompletedTask;
            }),
        },
    ];

    public static async Task<Results<Ok<PagedAnswer<ViolationAnswer>>, ContentHttpResult, ProblemHttpResult>> GetViolations(
        [FromQuery, Description("A coalition regime (required): US, EU, GB, CA, JP, AU, NZ, CH or NO.")] string? regime,
        [FromQuery, Description("First loading date (yyyy-MM-dd), inclusive.")] string? from,
        [FromQuery, Description("Last loading date (yyyy-MM-dd), inclusive.")] string? to,
        [FromQuery, Description("The continuationToken of the previous page.")] string? continuationToken,
        [FromQuery, Description("Items per page, 1 to 1000 (default 100).")] string? pageSize,
        [FromHeader(Name = "Accept"), Description("text/csv for CSV; JSON otherwise.")] string? accept,
        AttestationQueryService queries,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(regime))
        {
            throw new InvalidQueryException("regime", "The query parameter 'regime' is required (US, EU, GB, CA, JP, AU, NZ, CH or NO).");
        }

        if (principal.Role == ApiRole.Regulator && QueryInput.Regime(regime) != principal.PartyId)
        {
            return Problem.Forbidden(context, $"A regulator of {principal.PartyId} reads the violations of {principal.PartyId} only, not of {QueryInput.Regime(regime)}.");
        }

        var size = ApiInput.OptionalInt(pageSize, "pageSize");
        var token = ApiInput.Blank(continuationToken);
        if (!ApiInput.WantsCsv(accept))
        {
            return TypedResults.Ok(await queries.ListViolationsAsync(regime, from, to, token, context.RequestAborted, size).ConfigureAwait(false));
        }

        var rows = new List<ViolationAnswer>();
        do
        {
            var page = await queries.ListViolationsAsync(regime, from, to, token, context.RequestAborted, size ?? QueryInput.MaxPageSize).ConfigureAwait(false);
            rows.AddRange(page.Items);
            token = page.ContinuationToken;
        }
        while (token is not null && rows.Count < MaxCsvRows);

        if (token is not null)
        {
            context.Response.Headers[ApiHeaders.ContinuationToken] = token;
        }

        return TypedResults.Text(ViolationCsvWriter.ToCsv(rows), ApiContentTypes.Csv);
    }
}
