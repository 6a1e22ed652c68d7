using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Api.OpenApi;

/// <summary>
/// The alerts sent to each regime's regulator endpoint, as OpenAPI 3.1 <c>webhooks</c>: a POST of a CloudEvents 1.0
/// structured-mode event (application/cloudevents+json) whose <c>data</c> is <see cref="AlertEventData"/>, signed
/// per Standard Webhooks (<see cref="AlertSigner"/>). Any 2xx answer is a delivery; anything else is retried.
/// </summary>
public static class AlertWebhooks
{
    public const string DataSchema = "AlertEventData";

    public static async Task AddAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var data = await context.GetOrCreateSchemaAsync(typeof(AlertEventData), null, cancellationToken).ConfigureAwait(false);
        document.AddComponent(DataSchema, data);
        document.Webhooks = new Dictionary<string, IOpenApiPathItem>
        {
            [AlertCloudEvent.ViolationType] = Webhook(document, AlertCloudEvent.ViolationType, "A violation alert",
                "Sent when an attestation version is found in violation of a regime's cap (at ingest, or when re-screening " +
                "for a new cap schedule finds one); data.cause tells which."),
            [AlertCloudEvent.ResolvedType] = Webhook(document, AlertCloudEvent.ResolvedType, "A violation resolved",
                "Sent when re-screening for a corrected cap schedule clears a violation that was alerted before; " +
                "data.rescreenRunId and data.scheduleVersion name the run and the schedule."),
        };
    }

    private static OpenApiPathItem Webhook(OpenApiDocument document, string type, string summary, string description) => new()
    {
        Operations = new Dictionary<HttpMethod, OpenApiOperation>
        {
            [HttpMethod.Post] = new()
            {
                OperationId = type,
                Summary = summary,
                Description = description + " Verify webhook-signature over \"{webhook-id}.{webhook-timestamp}.{body}\" " +
                    "(HMAC-SHA256 with the key of the whsec_ secret) before trusting the body; a retry sends the same id and body.",
                Tags = new HashSet<OpenApiTagReference> { new("Alerts", document) },
                Parameters =
                [
                    Header(WebhookSignature.IdHeader, "The alert's message id; the same on every retry (deduplicate on it)."),
                    Header(WebhookSignature.TimestampHeader, "The send time in Unix seconds (refuse old ones)."),
                    Header(WebhookSignature.SignatureHeader, "v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{body}\">."),
                ],
                RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/cloudevents+json"] = new() { Schema = Envelope(document, type) },
                    },
                },
                Responses = new OpenApiResponses
                {
                    ["2XX"] = new OpenApiResponse { Description = "Received; any other answer (or none) is retried with backoff." },
                },
            },
        },
    };

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = true,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static OpenApiSchema Envelope(OpenApiDocument document, string type) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A CloudEvents 1.0 event in structured mode.",
        Required = new HashSet<string> { "specversion", "id", "type", "source", "subject", "time", "datacontenttype", "data" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["specversion"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "1.0" },
            ["id"] = String("The alert id (also data.alertId)."),
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = type },
            ["source"] = String("/attestations/{shipperId}/{attestationId}", "uri-reference"),
            ["subject"] = String("versions/{version}/regimes/{regime}"),
            ["time"] = String("When the alert was created.", "date-time"),
            ["datacontenttype"] = new OpenApiSchema { Type = JsonSchemaType.String, Const = "application/json" },
            ["data"] = new OpenApiSchemaReference(DataSchema, document),
        },
    };

    private static OpenApiSchema String(string description, string? format = null) =>
        new() { Type = JsonSchemaType.String, Description = description, Format = format };
}
