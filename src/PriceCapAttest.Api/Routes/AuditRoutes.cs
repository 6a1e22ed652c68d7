using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>A shipper's read audit: who (insurer, regulator, operator) read its attestations, and when.</summary>
public static class AuditRoutes
{
    public const string Tag = "Audit";
    public const string Pattern = "audit";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetAudit, HttpMethods.Get, Pattern, [ApiRole.Shipper], GetAudit, Tag,
            "Who read your attestations",
            "The reads of your attestations by insurers, regulators and operators, newest first, one page; from and to inclusive.",
            [400]),
    ];

    public static async Task<Ok<PagedAnswer<AuditEntry>>> GetAudit(
        [FromQuery, Description("Earliest read time (ISO 8601, e.g. 2026-12-01T00:00:00Z), inclusive.")] string? from,
        [FromQuery, Description("Latest read time (ISO 8601), inclusive.")] string? to,
        [FromQuery, Description("The continuationToken of the previous page.")] string? continuationToken,
        [FromQuery, Description("Items per page, 1 to 1000 (default 100).")] string? pageSize,
        ReadAudit audit,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(principal);
        return TypedResults.Ok(await audit.ListAsync(
            principal.PartyId, Instant(from, "from"), Instant(to, "to"), ApiInput.Blank(continuationToken), ApiInput.OptionalInt(pageSize, "pageSize"),
            context.RequestAborted).ConfigureAwait(false));
    }

    private static DateTimeOffset? Instant(string? value, string field) =>
        ApiInput.Blank(value) is not { } text ? null
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at) ? at
        : throw new InvalidQueryException(field, $"'{field}' must be an ISO 8601 time such as 2026-12-01T00:00:00Z, not '{value}'.");
}
