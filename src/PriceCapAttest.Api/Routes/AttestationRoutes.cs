using System.ComponentModel;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PriceCapAttest.Contracts;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Pipeline.Ingest;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Receipts;

namespace PriceCapAttest.Api.Routes;

/// <summary>
/// The routes over recorded attestations: one version, a vessel's attestations, an upload's receipt. A shipper sees
/// its own attestations and receipts only: another shipper's are 404, as if they did not exist.
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
            "The current version, or the one asked for with ?version=N, with its verdict per regime, alerts and evaluations.",
            [400, 404]),
        new(RouteNames.GetVesselAttestations, HttpMethods.Get, VesselPattern, [ApiRole.Insurer, ApiRole.Operator], GetVesselAttestations, Tag,
            "The attestations of a vessel by loading date",
            "One page of the current versions of the vessel's attestations, oldest loading date first.",
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
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(principal);
        var number = ApiInput.OptionalInt(version, "version");
        var answer = principal.IsOtherShipper(shipperId)
            ? null
            : await queries.GetAttestationAsync(shipperId, attestationId, number, context.RequestAborted).ConfigureAwait(false);
        return answer is null
            ? Problem.NotFound(context, number is null
                ? $"No attestation '{attestationId}' of shipper '{shipperId}' is recorded."
                : $"Attestation '{attestationId}' of shipper '{shipperId}' has no version {number}.")
            : TypedResults.Ok(answer);
    }

    public static async Task<Ok<PagedAnswer<VesselAttestation>>> GetVesselAttestations(
        [Description("The vessel's IMO number (7 digits with a valid check digit).")] string imo,
        [FromQuery, Description("First loading date (yyyy-MM-dd), inclusive.")] string? from,
        [FromQuery, Description("Last loading date (yyyy-MM-dd), inclusive.")] string? to,
        [FromQuery, Description("The continuationToken of the previous page.")] string? continuationToken,
        [FromQuery, Description("Items per page, 1 to 1000 (default 100).")] string? pageSize,
        AttestationQueryService queries,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(queries);
        return TypedResults.Ok(await queries.ListVesselAttestationsAsync(
            imo, from, to, ApiInput.Blank(continuationToken), ApiInput.OptionalInt(pageSize, "pageSize"), context.RequestAborted).ConfigureAwait(false));
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
