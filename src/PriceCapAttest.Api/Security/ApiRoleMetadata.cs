namespace PriceCapAttest.Api.Security;

/// <summary>Endpoint metadata: the role whose key a route requires (read by the OpenAPI security transformer).</summary>
public sealed record ApiRoleMetadata(ApiRole Role);
