namespace PriceCapAttest.Api.Security;

/// <summary>Endpoint metadata: the roles a route admits (read by the OpenAPI transformer).</summary>
public sealed record ApiRolesMetadata(IReadOnlyList<ApiRole> Roles);
