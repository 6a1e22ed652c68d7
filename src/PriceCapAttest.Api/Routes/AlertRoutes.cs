using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PriceCapAttest.Contracts;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Queries;

namespace PriceCapAttest.Api.Routes;

/// <summary>The operator's replay of alerts whose delivery failed.</summary>
public static class AlertRoutes
{
    public const string Tag = "Alerts";
    public const string ReplayPattern = "alerts/replay";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.ReplayFailedAlerts, HttpMethods.Post, ReplayPattern, [ApiRole.Operator], ReplayFailedAlerts, Tag,
            "Queue Failed alerts again",
            "Queues the Failed alerts of one attestation again, or with neither id those of every attestation (as " +
            "pricecap alerts replay). The two ids go together.",
            [400]),
    ];

    public static async Task<Ok<AlertReplayAnswer>> ReplayFailedAlerts(
        [FromQuery, Description("The shipper of the attestation (with attestationId).")] string? shipperId,
        [FromQuery, Description("The attestation (with shipperId).")] string? attestationId,
        FailedAlertReplayer replayer,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(replayer);
        var shipper = ApiInput.Blank(shipperId);
        var attestation = ApiInput.Blank(attestationId);
        if (shipper is null != attestation is null)
        {
            var missing = shipper is null ? "shipperId" : "attestationId";
            throw new InvalidQueryException(missing, $"'{missing}' is required with '{(shipper is null ? "attestationId" : "shipperId")}': give both ids, or neither to replay every Failed alert.");
        }

        if (shipper is not null)
        {
            QueryInput.Id(shipper, "shipperId");
            QueryInput.Id(attestation, "attestationId");
        }

        return TypedResults.Ok(new AlertReplayAnswer(await replayer.ReplayFailedAsync(shipper, attestation, context.RequestAborted).ConfigureAwait(false)));
    }
}
