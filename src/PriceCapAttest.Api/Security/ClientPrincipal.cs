using System.Text;
using System.Text.Json;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The App Service authentication (Easy Auth) principal: App Service puts the caller's claims, Base64 JSON
/// <c>{"claims":[{"typ":..,"val":..}],"role_typ":..}</c>, in the <see cref="Header"/> request header. Trusted only
/// when <see cref="AuthenticationOptions.AppService"/> is on. The role is the Entra ID app role (claim <c>roles</c>,
/// the role claim URI, or the principal's <c>role_typ</c>) whose value names an <see cref="ApiRole"/>; the object id is
/// the claim <c>oid</c> or its URI form. Party claims are ignored: the party is the Parties table's
/// (<see cref="PartyDirectory"/>).
/// </summary>
public static class ClientPrincipal
{
    public const string Header = "x-ms-client-principal";

    private const string RolesClaim = "roles";
    private const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";
    private static readonly string[] ObjectIdClaims = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    /// <summary>
    /// The identity of the header. Null with <paramref name="wellFormed"/> false: the header is no principal (401);
    /// null with it true: a principal, but not with exactly one role of this API and one object id (GUID) (403).
    /// </summary>
    public static ClientIdentity? Read(string? header, out bool wellFormed)
    {
        wellFormed = false;
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            wellFormed = true;
            var roleType = root.TryGetProperty("role_typ", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            var roles = new HashSet<ApiRole>();
            var objectIds = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (type, value) in Claims(claims))
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
        catch (FormatException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<(string Type, string Value)> Claims(JsonElement claims)
    {
        foreach (var claim in claims.EnumerateArray())
        {
            if (claim.ValueKind == JsonValueKind.Object &&
                claim.TryGetProperty("typ", out var typ) && typ.ValueKind == JsonValueKind.String &&
                claim.TryGetProperty("val", out var val) && val.ValueKind == JsonValueKind.String)
            {
                yield return (typ.GetString()!, val.GetString()!);
            }
        }
    }
}
