using System.Text;
using System.Text.Json;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The App Service authentication (Easy Auth) principal: when it is on, App Service puts the caller's claims, Base64
/// JSON <c>{"claims":[{"typ":..,"val":..}],"role_typ":..}</c>, in the <see cref="Header"/> request header (external
/// requests cannot set it). An Entra ID app role arrives as a claim of type <c>roles</c> (or <c>role_typ</c>).
/// </summary>
public static class ClientPrincipal
{
    public const string Header = "x-ms-client-principal";

    private const string RolesClaim = "roles";
    private const string RoleClaimUri = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    /// <summary>
    /// True when the principal carries the app role named like <paramref name="role"/> (case-insensitive); false for
    /// any other role, no role, or a header that is not a principal.
    /// </summary>
    public static bool HasRole(string? header, ApiRole role)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return false;
        }

        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return false;
            }

            var roleType = root.TryGetProperty("role_typ", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object ||
                    !claim.TryGetProperty("typ", out var typ) || typ.ValueKind != JsonValueKind.String ||
                    !claim.TryGetProperty("val", out var val) || val.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var type = typ.GetString();
                if ((type == RolesClaim || type == RoleClaimUri || (roleType is not null && type == roleType)) &&
                    string.Equals(val.GetString(), role.ToString(), StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }
        catch (FormatException)
        {
            return false;
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
