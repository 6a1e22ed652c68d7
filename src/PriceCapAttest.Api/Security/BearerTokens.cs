using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// In-app validation of <c>Authorization: Bearer</c> tokens (<see cref="BearerOptions"/>): signature by a key of the
/// issuer's OpenID configuration (fetched and cached by <see cref="ConfigurationManager{T}"/>), issuer, audience and
/// lifetime (<see cref="ClockSkew"/>, by the injected <see cref="TimeProvider"/>). The claims of a valid token are read
/// as App Service principals are (<see cref="ClientIdentity.FromClaims"/>). Refusals say why in plain words and never
/// repeat the token.
/// </summary>
public sealed partial class BearerTokens
{
    public const string Scheme = "Bearer";

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    private readonly ConfigurationManager<OpenIdConnectConfiguration>? _configuration;
    private readonly IReadOnlyList<string> _audiences;
    private readonly TimeProvider _time;
    private readonly ILogger<BearerTokens> _logger;
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    public BearerTokens(IOptions<ApiAccessOptions> options, TimeProvider time, ILogger<BearerTokens> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bearer = options.Value.Authentication.Bearer;
        (_time, _logger, _audiences) = (time, logger, [.. bearer.Audiences]);
        if (bearer.Enabled)
        {
            _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(
                bearer.EffectiveMetadataAddress!,
                new OpenIdConnectConfigurationRetriever(),
                new HttpDocumentRetriever { RequireHttps = bearer.RequireHttpsMetadata });
        }
    }

    /// <summary>True when <c>Authentication:Bearer:Authority</c> is set.</summary>
    public bool Enabled => _configuration is not null;

    /// <summary>The token of an <c>Authorization: Bearer</c> header (maybe empty), or null when there is no such header.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && (header.Length == Scheme.Length || header[Scheme.Length] == ' ')
            ? header[Scheme.Length..].Trim()
            : null;
    }

    /// <summary>The identity of a valid token, else the refusal: 401 invalid, 403 no app role, 503 issuer unreachable.</summary>
    public async ValueTask<(ClientIdentity? Identity, Refusal? Refused)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (_configuration is null)
        {
            throw new InvalidOperationException("Bearer validation is off (Authentication:Bearer:Authority is not set).");
        }

        var result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The issuer may have rolled its keys: read its configuration again (at most every 5 minutes) and retry once.
            _configuration.RequestRefresh();
            result = await ValidateOnceAsync(token, cancellationToken).ConfigureAwait(false);
        }

        if (result.Unavailable)
        {
            return (null, Refusal.Unavailable("The issuer of bearer tokens cannot be reached to check the token's signature; try again later."));
        }

        if (result.Exception is { } invalid)
        {
            LogInvalid(_logger, invalid.GetType().Name);
            return (null, Refusal.Unauthorized(Why(invalid), BearerChallenge("invalid_token")));
        }

        var identity = ClientIdentity.FromClaims(result.Claims);
        return identity is null
            ? (null, Refusal.Forbidden($"The bearer token does not carry exactly one app role of this API ({string.Join(", ", Enum.GetNames<ApiRole>())}) and one object id (oid)."))
            : (identity, null);
    }

    /// <summary>The <c>WWW-Authenticate</c> value of a bearer refusal (RFC 6750); null error: no credentials sent.</summary>
    public static string BearerChallenge(string? error) => error is null ? Scheme : $"{Scheme} error=\"{error}\"";

    private async Task<Checked> ValidateOnceAsync(string token, CancellationToken cancellationToken)
    {
        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await _configuration!.GetConfigurationAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogUnreachable(_logger, e);
            return new Checked(true, null, []);
        }

        var parameters = new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudiences = _audiences,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = ClockSkew,
            // TokenValidationParameters.TimeProvider is not public in 8.x: the lifetime is checked here, by the injected clock.
            LifetimeValidator = Lifetime,
        };
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        return result.IsValid && result.SecurityToken is JsonWebToken jwt
            ? new Checked(false, null, [.. jwt.Claims.Select(c => (c.Type, c.Value))])
            : new Checked(false, result.Exception ?? new SecurityTokenValidationException(), []);
    }

    private bool Lifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiry.");
        }

        if (expires.Value.ToUniversalTime() + ClockSkew < now)
        {
            throw new SecurityTokenExpiredException("The token has expired.") { Expires = expires.Value };
        }

        if (notBefore is { } from && from.ToUniversalTime() - ClockSkew > now)
        {
            throw new SecurityTokenNotYetValidException("The token is not valid yet.") { NotBefore = from };
        }

        return true;
    }

    private static string Why(Exception invalid) => invalid switch
    {
        SecurityTokenExpiredException => "The bearer token has expired; get a new one from the issuer.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet (its nbf is in the future).",
        SecurityTokenNoExpirationException => "The bearer token has no expiry (exp); it is not accepted.",
        SecurityTokenInvalidAudienceException => "The bearer token has the wrong audience: it was not issued for this API.",
        SecurityTokenInvalidIssuerException => "The bearer token has the wrong issuer: it was not issued by this API's tenant.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token's signature is not valid: it is unsigned or not signed by a key of the issuer.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is not a well-formed JWT.",
        _ => "The bearer token is not valid.",
    };

    private sealed record Checked(bool Unavailable, Exception? Exception, IReadOnlyList<(string Type, string Value)> Claims);

    [LoggerMessage(Level = LogLevel.Error, Message = "The OpenID configuration of the bearer token issuer cannot be read; requests with a bearer token are answered 503")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "A bearer token was refused: {Reason}")]
    private static partial void LogInvalid(ILogger logger, string reason);
}
