namespace PriceCapAttest.Api.Security;

/// <summary>
/// What Entra ID says of a caller (through App Service authentication's <see cref="ClientPrincipal"/> header or a
/// bearer token the app validated, <see cref="BearerTokens"/>): its one app role of this API and its object id
/// (lower-case GUID). The party comes from the Parties table (<see cref="PartyDirectory"/>), not from a claim.
/// </summary>
public sealed record ClientIdentity(ApiRole Role, string ObjectId)
{
    public const string RolesClaim = "roles";

    private const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    /// <summary>
    /// The identity of a caller's claims, or null when they do not hold exactly one app role of this API and exactly
    /// one object id (a GUID). A role is a claim <c>roles</c>, the role claim URI or <paramref name="roleType"/>, whose
    /// value is an <see cref="ApiRole"/> name exactly; the object id a claim <c>oid</c> or its URI form. Other claims
    /// (a party claim among them) are ignored.
    /// </summary>
    public static ClientIdentity? FromClaims(IEnumerable<(string Type, string Value)> claims, string? roleType = null)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var roles = new HashSet<ApiRole>();
        var objectIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (type, value) in claims)
        {
            if (type is RolesClaim or RoleClaimUri || type == roleType)
            {
                // Only exact app role values: "1" or "insurer" would parse as an enum but are no app role.
                if (Enum.TryParse<ApiRole>(value, out var role) && Enum.IsDefined(role) && role.ToString() == value)
                {
                    roles.Add(role);
                }
            }
            else if (ObjectIdClaims.Contains(type))
            {
                objectIds.Add(Guid.TryParse(value, out var oid) ? oid.ToString("D") : "");
            }
        }

        return roles.Count == 1 && objectIds.Count == 1 && objectIds.Single() is { Length: > 0 } objectId
            ? new ClientIdentity(roles.Single(), objectId)
            : null;
    }
}
