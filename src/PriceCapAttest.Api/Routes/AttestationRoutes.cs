using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PriceCapAttest.Contracts;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Receipts;

namespace PriceCapAttest.Api.Routes;

/// <summary>
/// The routes over recorded attestations: one version, a vessel's attestations, an upload's receipt. A shipper sees
/// its own attestations and receipts only, an insurer the attestations of the vessels in its fleet, a regulator those
/// that engage its regime (<see cref="AttestationReads"/>): any other is 404, as if it did not exist. Reads by an
/// insurer, a regulator or an operator are recorded in the read audit.
/// </summary>
public static class AttestationRoutes
{
    public const string Tag = "Attestations";
    public const string AttestationPattern = "attestations/{shipperId}/{attestationId}";
    public const string VesselPattern = "vessels/{imo}/attestations";
    public const string ReceiptPattern = "receipts/{*blobPath}";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetAttestation, HttpMethods.Get, AttestationPattern, [ApiRole.Shipper, ApiRole.Insurer, ApiRole.Regulator, ApiRole.Operator], GetAttestation, Tag,
            "One attestation version with its check result",
            "The current version, or the one asked for with ?version=N, with its verdict per regime, alerts and evaluations. " +
            "A shipper reads its own, an insurer those of the vessels in its fleet, a regulator those that engage its regime; any other is 404.",
            [400, 404]),
        new(RouteNames.GetVesselAttestations, HttpMethods.Get, VesselPattern, [ApiRole.Insurer, ApiRole.Operator], GetVesselAttestations, Tag,
            "The attestations of a vessel by loading date",
            "One page of the current versions of the vessel's attestations, oldest loading date first. An insurer lists the vessels of its fleet only (403 otherwise).",
            [400]),
        new(RouteNames.GetReceipt, HttpMethods.Get, ReceiptPattern, [ApiRole.Shipper, ApiRole.Operator], GetReceipt, Tag,
            "The receipt of an uploaded document",
            "What became of one upload (blob path as uploaded, e.g. attestations/{shipper}/{file}): recorded, refused or duplicate.",
            [404]),
    ];

    public static async Task<Results<Ok<AttestationAnswer>, ProblemHttpResult>> GetAttestation(
        [Description("The shipper that uploaded the attestation.")] string shipperId,
        [Description("The attestation id of the document.")] string attestationId,
        [FromQuery, Description("A version number (1, 2, ...); the current version when absent.")] string? version,
        AttestationQueryService queries,
        FleetStore fleets,
        ReadAudit audit,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(principal);
        var number = ApiInput.OptionalInt(version, "version");
        var answer = principal.IsOtherShipper(shipperId)
            ? null
            : await queries.GetAttestationAsync(shipperId, attestationId, number, context.RequestAborted).ConfigureAwait(false);
        if (answer is null || !await AttestationReads.MayReadAsync(principal, answer, fleets, context.RequestAborted).ConfigureAwait(false))
        {
            return Problem.NotFound(context, number is null
                ? $"No attestation '{attestationId}' of shipper '{shipperId}' is recorded."
                : $"Attestation '{attestationId}' of shipper '{shipperId}' has no version {number}.");
        }

        await AttestationReads.RecordAsync(audit, principal, shipperId, attestationId, answer.Version, RouteNames.GetAttestation, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(answer);
    }

    public static async Task<Results<Ok<PagedAnswer<VesselAttestation>>, ProblemHttpResult>> GetVesselAttestations(
        [Description("The vessel's IMO number (7 digits with a valid check digit).")] string imo,
        [FromQuery, Description("First loading date (yyyy-MM-dd), inclusive.")] string? from,
        [FromQuery, Description("Last loading date (yyyy-MM-dd), inclusive.")] string? to,
        [FromQuery, Description("The continuationToken of the previous page.")] string? continuationToken,
        [FromQuery, Description("Items per page, 1 to 1000 (default 100).")] string? pageSize,
        AttestationQueryService queries,
        FleetStore fleets,
        ReadAudit audit,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(fleets);
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Role == ApiRole.Insurer && !await fleets.ContainsAsync(principal.PartyId, imo, context.RequestAborted).ConfigureAwait(false))
        {
            return Problem.Forbidden(context, $"Vessel {QueryInput.Imo(imo)} is not in the fleet of insurer '{principal.PartyId}': PUT /api/fleet to add it.");
        }

        var page = await queries.ListVesselAttestationsAsync(
            imo, from, to, ApiInput.Blank(continuationToken), ApiInput.OptionalInt(pageSize, "pageSize"), context.RequestAborted).ConfigureAwait(false);
        await AttestationReads.RecordAsync(audit, principal, page.Items, RouteNames.GetVesselAttestations, context.RequestAborted).ConfigureAwait(false);
        return TypedResults.Ok(page);
    }

    public static async Task<Results<Ok<Receipt>, ProblemHttpResult>> GetReceipt(
        [Description("The blob path of the upload, e.g. attestations/shipper-1/file.json.")] string blobPath,
        AttestationQueryService queries,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(principal);
        var path = DocumentPath.TryParse(blobPath);
        var receipt = path is not null && principal.IsOtherShipper(path.ShipperId)
            ? null
            : await queries.GetReceiptAsync(blobPath, context.RequestAborted).ConfigureAwait(false);
        return receipt is null
            ? Problem.NotFound(context, $"No receipt for '{blobPath}' yet: the document is unknown or still being processed.")
            : TypedResults.Ok(receipt);
    }
}
