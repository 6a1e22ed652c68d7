using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>An insurer's fleet (the IMO numbers it covers, which scope its reads): its own only, the party of its principal.</summary>
public static class FleetRoutes
{
    public const string Tag = "Fleet";
    public const string Pattern = "fleet";

    /// <summary>The largest fleet request read (10,000 entries of "IMO 9074729" are about 150 KB).</summary>
    public const int MaxBodyChars = 512 * 1024;

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.PutFleet, HttpMethods.Put, Pattern, [ApiRole.Insurer], PutFleet, Tag,
            "Replace your fleet",
            $"Body {{\"imos\": [\"9074729\", \"IMO 9395044\", ...]}}: the vessels you cover (at most {FleetStore.MaxImos}). " +
            "One invalid IMO number refuses the whole request (400 naming each); 409 when concurrent changes kept winning (read and retry).",
            [400, 409])
        {
            Document = route => route.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The fleet: {\"imos\": [...]}, each a 7-digit IMO number with a valid check digit, bare or as \"IMO 9074729\".",
                    Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } } },
                };
                return Task.CompletedTask;
            }),
        },
        new(RouteNames.GetFleet, HttpMethods.Get, Pattern, [ApiRole.Insurer], GetFleet, Tag,
            "Your fleet", "The IMO numbers of your fleet, sorted; empty (revision 0) when you never stored one.", []),
    ];

    public static async Task<Results<Ok<Fleet>, ProblemHttpResult>> PutFleet(FleetStore fleets, Principal principal, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(fleets);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(context);
        var imos = await ReadImosAsync(context).ConfigureAwait(false);
        FleetReplacement replacement;
        try
        {
            replacement = await fleets.ReplaceAsync(principal.PartyId, imos, context.RequestAborted).ConfigureAwait(false);
        }
        catch (FleetConflictException e)
        {
            return Problem.Conflict(context, e.Message);
        }

        if (replacement.Refusal is { } refusal)
        {
            IReadOnlyList<FieldError> errors = refusal.Entries.Count == 0
                ? [new FieldError(refusal.Field, refusal.Message)]
                : [.. refusal.Entries.Select(e => new FieldError($"{refusal.Field}[{e.Index}]", $"'{e.Value}': {e.Reason}"))];
            return Problem.Invalid(context, "Invalid fleet", refusal.Message, errors);
        }

        return TypedResults.Ok(replacement.Fleet!);
    }

    public static async Task<Ok<Fleet>> GetFleet(FleetStore fleets, Principal principal, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(fleets);
        ArgumentNullException.ThrowIfNull(principal);
        return TypedResults.Ok(await fleets.GetAsync(principal.PartyId, context.RequestAborted).ConfigureAwait(false));
    }

    private static async Task<IReadOnlyList<string>> ReadImosAsync(HttpContext context)
    {
        var buffer = new char[MaxBodyChars + 1];
        using var reader = new StreamReader(context.Request.Body);
        var length = await reader.ReadBlockAsync(buffer.AsMemory(), context.RequestAborted).ConfigureAwait(false);
        if (length > MaxBodyChars)
        {
            throw new InvalidQueryException("body", $"The fleet request is longer than {MaxBodyChars} characters, the most read.");
        }

        FleetRequest? request;
        try
        {
            request = JsonSerializer.Deserialize<FleetRequest>(buffer.AsSpan(0, length), ResultJson.Options);
        }
        catch (JsonException)
        {
            request = null;
        }

        return request?.Imos is { } imos
            ? [.. imos.Select(i => i ?? "")]
            : throw new InvalidQueryException("imos", "Send the fleet as JSON: {\"imos\": [\"9074729\", ...]}.");
    }

    private sealed record FleetRequest(IReadOnlyList<string?>? Imos);
}
