using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>
/// Answers, inside the browser's request routing, what MSAL asks of an Entra authority: the host is never reached
/// (no DNS, no TLS, nothing leaves the machine). Serves the OpenID metadata and instance discovery should MSAL ask
/// (5.30 does not: it knows login.microsoftonline.com's endpoints), a small page for the authorize navigation, and
/// the token endpoint: an unsigned ID token (MSAL reads the claims without checking a signature; the nonce is the
/// authorize request's) and an access token the console only passes on. Records every request.
/// </summary>
public sealed class StandInAuthority(string authority, string clientId, string scope)
{
    private readonly ConcurrentQueue<AuthorityRequest> _requests = new();
    private readonly Uri _authority = new(authority.TrimEnd('/') + "/");

    public string Host => _authority.Host;

    /// <summary>The user signing in (the ID token's oid and sub).</summary>
    public string ObjectId { get; } = "5a0e6b2f-c3d1-47a8-9e64-0f2b7c18d9a3";

    public string Tenant => _authority.AbsolutePath.Trim('/');

    /// <summary>The access token the token endpoint issues (a JWT for the API; the console only passes it on).</summary>
    public string AccessToken => Jwt(new Dictionary<string, object>
    {
        ["aud"] = scope[..scope.LastIndexOf('/')],
        ["iss"] = $"https://sts.windows.net/{Tenant}/",
        ["tid"] = Tenant,
        ["oid"] = ObjectId,
        ["scp"] = "access_as_user",
        ["exp"] = 4_102_444_800,
    });

    public IReadOnlyList<AuthorityRequest> Requests => [.. _requests];

    public Uri AuthorizeEndpoint => new(_authority, "oauth2/v2.0/authorize");

    public Uri TokenEndpoint => new(_authority, "oauth2/v2.0/token");

    /// <summary>The last navigation to the authorize endpoint, or null.</summary>
    public AuthorityRequest? LastAuthorize => Requests.LastOrDefault(r => r.Url.GetLeftPart(UriPartial.Path) == AuthorizeEndpoint.AbsoluteUri);

    /// <summary>client_info as Entra sends it: base64url JSON of the user's object id and tenant.</summary>
    public string ClientInfo => Base64Url(JsonSerializer.Serialize(new { uid = ObjectId, utid = Tenant }));

    public async Task FulfilAsync(IRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var request = route.Request;
        var url = new Uri(request.Url);
        _requests.Enqueue(new AuthorityRequest(request.Method, url, request.PostData));
        var path = url.GetLeftPart(UriPartial.Path);
        if (path == new Uri(_authority, "v2.0/.well-known/openid-configuration").AbsoluteUri)
        {
            await JsonAsync(route, Metadata());
        }
        else if (url.AbsolutePath.EndsWith("/discovery/instance", StringComparison.Ordinal))
        {
            await JsonAsync(route, new Dictionary<string, object>
            {
                ["tenant_discovery_endpoint"] = new Uri(_authority, "v2.0/.well-known/openid-configuration").AbsoluteUri,
                ["api-version"] = "1.1",
                ["metadata"] = new[] { new { preferred_network = Host, preferred_cache = Host, aliases = new[] { Host } } },
            });
        }
        else if (path == AuthorizeEndpoint.AbsoluteUri)
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = "<!doctype html><title>Stand-in authority</title><h1>Stand-in for the Entra sign-in page</h1>" });
        }
        else if (path == TokenEndpoint.AbsoluteUri && request.Method == "POST")
        {
            await JsonAsync(route, Tokens());
        }
        else
        {
            await JsonAsync(route, new { error = "not_found" }, 404);
        }
    }

    private Dictionary<string, object> Metadata() => new()
    {
        ["issuer"] = $"https://{Host}/{Tenant}/v2.0",
        ["authorization_endpoint"] = AuthorizeEndpoint.AbsoluteUri,
        ["token_endpoint"] = TokenEndpoint.AbsoluteUri,
        ["end_session_endpoint"] = new Uri(_authority, "oauth2/v2.0/logout").AbsoluteUri,
        ["jwks_uri"] = new Uri(_authority, "discovery/v2.0/keys").AbsoluteUri,
        ["response_modes_supported"] = new[] { "query", "fragment", "form_post" },
        ["scopes_supported"] = new[] { "openid", "profile", "email", "offline_access" },
    };

    private Dictionary<string, object> Tokens()
    {
        var nonce = LastAuthorize is { } authorize ? Query(authorize.Url).GetValueOrDefault("nonce") ?? "" : "";
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var idToken = Jwt(new Dictionary<string, object>
        {
            ["aud"] = clientId,
            ["iss"] = $"https://{Host}/{Tenant}/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["tid"] = Tenant,
            ["oid"] = ObjectId,
            ["sub"] = ObjectId,
            ["nonce"] = nonce,
            ["name"] = "Test Insurer",
            ["preferred_username"] = "insurer@example.test",
            ["ver"] = "2.0",
        });
        return new()
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = 3600,
            ["ext_expires_in"] = 3600,
            ["access_token"] = AccessToken,
            ["refresh_token"] = "stand-in-refresh-token",
            ["id_token"] = idToken,
            ["client_info"] = ClientInfo,
        };
    }

    /// <summary>The query of <paramref name="url"/> as name → value (unescaped).</summary>
    public static Dictionary<string, string> Query(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Form(url.Query.TrimStart('?'));
    }

    /// <summary>application/x-www-form-urlencoded (a query, a fragment, a POST body) as name → value.</summary>
    public static Dictionary<string, string> Form(string? encoded) =>
        (encoded ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(p => Unescape(p[0]), p => p.Length > 1 ? Unescape(p[1]) : "", StringComparer.Ordinal);

    private static string Unescape(string value) => Uri.UnescapeDataString(value.Replace('+', ' '));

    public static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Base64Url(string text) => Base64Url(Encoding.UTF8.GetBytes(text));

    /// <summary>An unsigned JWT (alg none, empty signature).</summary>
    private static string Jwt(Dictionary<string, object> claims) =>
        Base64Url("""{"alg":"none","typ":"JWT"}""") + "." + Base64Url(JsonSerializer.Serialize(claims)) + ".";

    private static async Task JsonAsync(IRoute route, object body, int status = 200) =>
        await route.FulfillAsync(new()
        {
            Status = status,
            ContentType = "application/json; charset=utf-8",
            Body = JsonSerializer.Serialize(body),
            Headers = new Dictionary<string, string> { ["Access-Control-Allow-Origin"] = "*", ["Cache-Control"] = "no-store" },
        });
}

/// <summary>A request the browser made to the stand-in authority.</summary>
public sealed record AuthorityRequest(string Method, Uri Url, string? PostData);
