using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document generated from the routes: title and description, no server (it is the host serving
/// it), two security schemes, either of which a keyed operation accepts (the key in header <c>x-functions-key</c>, or
/// an Entra ID bearer token where the host validates them), whose roles are
/// listed in its <see cref="RolesExtension"/> and description, and the alert webhooks (<see cref="AlertWebhooks"/>).
/// </summary>
public static class ApiDocument
{
    public const string KeyScheme = "apiKey";
    public const string BearerScheme = "entraId";
    public const string RolesExtension = "x-roles";

    public static void Configure(OpenApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "PriceCapAttest API",
                Version = "1",
                Description =
                    "Checked price-cap attestations of Russian-oil cargoes for shippers, insurers, regulators and operators. " +
                    "Every keyed route takes the key of a principal (a role and a party) in the x-functions-key header (or the " +
                    "code query parameter), or an Entra ID access token (Authorization: Bearer) where the host validates them, and " +
                    "admits the roles of its x-roles extension; a shipper sees its own documents only, " +
                    "a regulator its own regime. Each principal has a request limit (429 with Retry-After). Errors are RFC 9457 " +
                    "problem details (application/problem+json) whose type is a urn:pricecapattest:problem URI. The alert " +
                    "webhooks are the signed CloudEvents sent to regulators.",
            };
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [KeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = ApiHeaders.Key,
                    Description = $"The key of a principal (role Shipper, Insurer, Regulator or Operator, and a party). Also accepted as the '{ApiHeaders.KeyQuery}' query parameter.",
                },
                [BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "JWT",
                    Description = "An Entra ID access token for the API's app registration, where the host validates them (Authentication:Bearer settings): " +
                                  "its one app role (roles claim) is the role, the party comes from the Parties table by its object id (oid). " +
                                  "Not with a key in the same request.",
                },
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRolesMetadata>().FirstOrDefault() is { } roles)
            {
                operation.Security =
                [
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(KeyScheme, context.Document)] = [] },
                    new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] },
                ];
                operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
                operation.Extensions[RolesExtension] = new JsonNodeExtension(new JsonArray([.. roles.Roles.Select(r => JsonValue.Create(r.ToString()))]));
                operation.Description = $"{operation.Description} Roles: {string.Join(", ", roles.Roles)}.".TrimStart();
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(AlertWebhooks.AddAsync);
    }
}
