using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.OpenApi;

/// <summary>
/// The OpenAPI 3.1 document generated from the routes: title and description, no server (it is the host serving
/// it), one key security scheme per role (header <c>x-functions-key</c>) required by each keyed operation, and the
/// alert webhooks (<see cref="AlertWebhooks"/>).
/// </summary>
public static class ApiDocument
{
    public const string InsurerScheme = "insurerKey";
    public const string RegulatorScheme = "regulatorKey";

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
                    "Checked price-cap attestations of Russian-oil cargoes for insurers, violations and re-screening for " +
                    "regulators. Every keyed route takes the key of its role in the x-functions-key header (or the code " +
                    "query parameter); errors are RFC 9457 problem details (application/problem+json) whose type is a " +
                    "urn:pricecapattest:problem URI. The alert webhooks are the signed CloudEvents sent to regulators.",
            };
            document.Servers = [];
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes = new Dictionary<string, IOpenApiSecurityScheme>
            {
                [InsurerScheme] = KeyScheme("An insurer key: attestations, vessels, receipts, schedule."),
                [RegulatorScheme] = KeyScheme("A regulator key: violations, alert replay, re-screening."),
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiRoleMetadata>().FirstOrDefault() is { } role)
            {
                var scheme = role.Role == ApiRole.Insurer ? InsurerScheme : RegulatorScheme;
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
            }

            return Task.CompletedTask;
        });
        options.AddDocumentTransformer(AlertWebhooks.AddAsync);
    }

    private static OpenApiSecurityScheme KeyScheme(string description) => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = ApiHeaders.Key,
        Description = description + $" Also accepted as the '{ApiHeaders.KeyQuery}' query parameter.",
    };
}
