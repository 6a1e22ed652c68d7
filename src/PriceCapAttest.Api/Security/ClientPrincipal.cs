using System.Text;
using System.Text.Json;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The App Service authentication (Easy Auth) principal: App Service puts the caller's claims, Base64 JSON
/// <c>{"claims":[{"typ":..,"val":..}],"role_typ":..}</c>, in the <see cref="Header"/> request header. Trusted only
/// when <see cref="AuthenticationOptions.AppService"/> is on and App Service authentication runs. The claims are read
/// by <see cref="ClientIdentity.FromClaims"/> (also the role type of the principal's <c>role_typ</c>), as those of a
/// bearer token are: one app role, one object id; the party is the Parties table's (<see cref="PartyDirectory"/>).
/// </summary>
public static class ClientPrincipal
{
    public const string Header = "x-ms-client-principal";

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
            return ClientIdentity.FromClaims(Claims(claims), roleType);
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
