using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// An OpenID issuer on a loopback HTTP listener: its configuration at {Authority}/.well-known/openid-configuration
/// and its signing key (RSA, made here) at jwks_uri; it signs the tokens the tests send (<see cref="Token"/>).
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string Audience = "api://pricecap-tests";

    private readonly HttpListener _listener = new();
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly Task _serving;

    private TestIssuer()
    {
        var port = Loopback.FreePort().ToString(CultureInfo.InvariantCulture);
        Authority = $"http://127.0.0.1:{port}/tenant-1/v2.0";
        _key = new RsaSecurityKey(_rsa) { KeyId = "test-key-1" };
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Authority { get; }

    /// <summary>The settings of a host that validates this issuer's tokens, under <paramref name="prefix"/> (<c>LocalHost__</c>, "").</summary>
    public Dictionary<string, string?> Settings(string prefix, string separator) => new()
    {
        [$"{prefix}Authentication{separator}Bearer{separator}Authority"] = Authority,
        [$"{prefix}Authentication{separator}Bearer{separator}Audiences{separator}0"] = Audience,
        [$"{prefix}Authentication{separator}Bearer{separator}RequireHttpsMetadata"] = "false",
    };

    public static TestIssuer Start() => new();

    /// <summary>
    /// A token of this issuer for <paramref name="oid"/> with <paramref name="roles"/>, valid for an hour from
    /// <paramref name="issuedAt"/> (default now); another audience, issuer or signing key when given.
    /// </summary>
    public string Token(string oid, string[] roles, DateTimeOffset? issuedAt = null, string? audience = null, string? issuer = null, SecurityKey? key = null)
    {
        var at = (issuedAt ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object> { ["oid"] = oid, ["roles"] = roles, ["tid"] = "tenant-1" };
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience ?? Audience,
            Claims = claims,
            IssuedAt = at,
            NotBefore = at,
            Expires = at.AddHours(1),
            SigningCredentials = new SigningCredentials(key ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>A key of no issuer, with this issuer's key id: what a forger signs with.</summary>
    public static SecurityKey ForgedKey() => new RsaSecurityKey(RSA.Create(2048)) { KeyId = "test-key-1" };

    /// <summary>An unsigned token (alg none) with the claims a valid one would have.</summary>
    public string Unsigned(string oid, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = Authority, ["aud"] = Audience, ["oid"] = oid, ["roles"] = new[] { role }, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600,
        });
        return $"{Base64UrlEncoder.Encode("""{"alg":"none","typ":"JWT"}""")}.{Base64UrlEncoder.Encode(payload)}.";
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            var body = path.EndsWith("/.well-known/openid-configuration", StringComparison.Ordinal) ? Configuration()
                : path.EndsWith("/discovery/keys", StringComparison.Ordinal) ? Keys()
                : null;
            context.Response.StatusCode = body is null ? 404 : 200;
            context.Response.ContentType = "application/json";
            var bytes = Encoding.UTF8.GetBytes(body ?? "{}");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private string Configuration() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["jwks_uri"] = Authority.Replace("/v2.0", "/discovery/keys", StringComparison.Ordinal),
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    });

    private string Keys()
    {
        var parameters = _rsa.ExportParameters(false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) },
            },
        });
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _rsa.Dispose();
    }
}
