using System.ComponentModel;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Parties;

namespace PriceCapAttest.Api.Routes;

/// <summary>
/// A shipper's upload of one document through the API. It is stored under the caller's own shipper id (never one of
/// the request), read from the request body as it streams in (at most the ingest limit + 1 bytes), and ingested by the
/// blob trigger like any upload; its receipt is then at the receipts route.
/// </summary>
public static class UploadRoutes
{
    public const string Tag = AttestationRoutes.Tag;
    public const string Pattern = "attestations";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.UploadAttestation, HttpMethods.Post, Pattern, [ApiRole.Shipper], UploadAttestation, Tag,
            "Upload an attestation document (JSON or CSV)",
            "The document as the body, stored at attestations/{your shipper id}/{name}; 202 with the receipt's address in Location. " +
            "An existing name is overwritten (an amendment). A refused upload (400, 413, 415) stores nothing.",
            [400, 413, 415])
        {
            // Documented only: Accepts metadata would make routing refuse a request of another content type.
            Document = route => route.AddOpenApiOperationTransformer((operation, _, _) =>
            {
                var text = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Description = "The document (docs/attestation-format.md): application/json for a .json name, text/csv for a .csv name " +
                        "(no content type or application/octet-stream: the name's extension decides), at most the ingest's document limit.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/json"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.Object } },
                        ["text/csv"] = text,
                    },
                };
                var accepted = (OpenApiResponse)operation.Responses!["202"];
                accepted.Headers ??= new Dictionary<string, IOpenApiHeader>();
                accepted.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The receipt of the document: /api/receipts/{shipperId}/{name} (404 until it is ingested).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                };
                return Task.CompletedTask;
            }),
        },
    ];

    public static async Task<Results<Accepted<UploadAnswer>, ProblemHttpResult>> UploadAttestation(
        [FromQuery, Description("The file name: 1-200 of A-Z a-z 0-9 . _ -, ending .json or .csv.")] string? name,
        AttestationUploads uploads,
        Principal principal,
        HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(uploads);
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(context);
        var outcome = await uploads.UploadAsync(principal.PartyId, name ?? "", context.Request.ContentType, context.Request.Body, context.RequestAborted)
            .ConfigureAwait(false);
        if (outcome.Accepted is not { } stored)
        {
            var refusal = outcome.Refusal!;
            return outcome.Kind switch
            {
                UploadRefusalKind.TooLarge => Problem.TooLarge(context, refusal.Field, refusal.Message),
                UploadRefusalKind.UnsupportedContentType => Problem.UnsupportedMediaType(context, refusal.Field, refusal.Message),
                _ => Problem.InvalidParameter(context, refusal.Field, refusal.Message),
            };
        }

        var receipt = $"{ApiRoutes.Prefix}/receipts/{Uri.EscapeDataString(stored.ShipperId)}/{Uri.EscapeDataString(stored.Name)}";
        return TypedResults.Accepted(receipt, new UploadAnswer(stored.ShipperId, stored.Name, stored.BlobPath, receipt));
    }
}
