namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who may call the API and how often. The local host reads it from the section <c>LocalHost</c>
/// (<c>LocalHost:Principals:0:Key</c>, <c>LocalHost:RateLimits:PermitLimit</c>, ...), the Functions app from the top
/// level (<c>Principals:0:Key</c>, <c>RateLimits:PermitLimit</c>, <c>Authentication:AppService</c>); see
/// docs/security.md. Checked at start-up by <see cref="ApiAccessOptionsValidator"/>.
/// </summary>
public sealed class ApiAccessOptions
{
    /// <summary>The keyed principals: a key (sent as <c>x-functions-key</c> or <c>?code=</c>), a role and a party.</summary>
    public List<PrincipalSetting> Principals { get; set; } = [];

    public RateLimitOptions RateLimits { get; set; } = new();

    public AuthenticationOptions Authentication { get; set; } = new();

    /// <summary>The key lists per role of earlier versions (<c>ApiKeys:Insurer:0</c>); refused at start-up.</summary>
    public Dictionary<string, List<string>>? ApiKeys { get; set; }
}

/// <summary>One configured principal; the role is text so that a wrong one is a start-up error naming it.</summary>
public sealed class PrincipalSetting
{
    public string? Key { get; set; }

    public string? Role { get; set; }

    public string? PartyId { get; set; }
}

/// <summary>The request limit of each principal (of each remote address on the routes without a key).</summary>
public sealed class RateLimitOptions
{
    public int PermitLimit { get; set; } = 600;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class AuthenticationOptions
{
    /// <summary>
    /// True on a Functions app behind App Service authentication (Easy Auth): the <see cref="ClientPrincipal.Header"/>
    /// request header, which App Service sets and strips from external requests, then names the principal. Off, the
    /// header is never trusted. The local host refuses the setting.
    /// </summary>
    public bool AppService { get; set; }

    /// <summary>Entra ID (or any OpenID issuer's) bearer tokens, validated by the app itself (<see cref="BearerTokens"/>).</summary>
    public BearerOptions Bearer { get; set; } = new();
}

/// <summary>
/// In-app validation of <c>Authorization: Bearer</c> tokens: on when <see cref="Authority"/> is set. The signing keys
/// and issuer come from the issuer's OpenID configuration (<see cref="MetadataAddress"/>).
/// </summary>
public sealed class BearerOptions
{
    /// <summary>The OpenID issuer, e.g. <c>https://login.microsoftonline.com/{tenant}/v2.0</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>The audiences a token may carry (<c>aud</c>): e.g. <c>api://{client id}</c> and the client id.</summary>
    public List<string> Audiences { get; set; } = [];

    /// <summary>The OpenID configuration document; default <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>False only for a local test issuer on http.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);

    public string? EffectiveMetadataAddress => string.IsNullOrWhiteSpace(MetadataAddress)
        ? Authority is null ? null : Authority.TrimEnd('/') + "/.well-known/openid-configuration"
        : MetadataAddress;
}
