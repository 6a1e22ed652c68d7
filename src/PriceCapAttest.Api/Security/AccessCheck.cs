using System.Security.Cryptography;
using System.Text;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who a request comes from, and whether its route admits it, in this order:
/// <list type="number">
/// <item>an <c>Authorization: Bearer</c> token with bearer validation on (<see cref="BearerTokens"/>): validated by
/// the app, its app role and object id naming the principal, the party from the Parties table
/// (<see cref="PartyDirectory"/>); sent together with a key it is refused as ambiguous;</item>
/// <item>the <see cref="ClientPrincipal.Header"/>, trusted only with <see cref="AuthenticationOptions.AppService"/> on
/// and App Service authentication running (<see cref="AppServiceAuthEnabled"/> is "True"): its app role and object id,
/// the party from the Parties table; it wins over a key;</item>
/// <item>a bearer token on a host without bearer validation: refused (401), never silently ignored;</item>
/// <item>the key (header <c>x-functions-key</c> or query <c>code</c>) of a configured principal. Keys are compared as
/// SHA-256 digests in fixed time against every configured key, so neither the length nor the position of a match
/// shows in the timing.</item>
/// </list>
/// A Parties table or token issuer that cannot be reached is a 503, not a fault.
/// </summary>
public sealed partial class AccessCheck
{
    /// <summary>The environment variable App Service sets to "True" when its authentication runs in front of the app.</summary>
    public const string AppServiceAuthEnabled = "WEBSITE_AUTH_ENABLED";

    private static readonly object Outcome = new();
    private static readonly Refusal NoRole = Refusal.Forbidden($"The App Service principal does not carry exactly one app role of this API ({string.Join(", ", Enum.GetNames<ApiRole>())}) and one object id.");
    private readonly (byte[] Digest, Principal Principal)[] _keys;
    private readonly bool _appService;
    private readonly PartyDirectory _parties;
    private readonly BearerTokens _bearer;
    private readonly ILogger<AccessCheck> _logger;

    public AccessCheck(IOptions<ApiAccessOptions> options, PartyDirectory parties, BearerTokens bearer, IConfiguration configuration, ILogger<AccessCheck> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        (_parties, _bearer, _logger) = (parties, bearer, logger);
        var platform = string.Equals(configuration[AppServiceAuthEnabled], "True", StringComparison.OrdinalIgnoreCase);
        _appService = options.Value.Authentication.AppService && platform;
        if (options.Value.Authentication.AppService && !platform)
        {
            LogPlatformOff(logger, ClientPrincipal.Header, AppServiceAuthEnabled);
        }

        _keys = [.. options.Value.Principals.Select(p => (Digest(p.Key ?? ""), new Principal(Enum.Parse<ApiRole>(p.Role!), p.PartyId!)))];
    }

    /// <summary>
    /// The principal of the request (null: none), and the reason it is refused before any role is considered (null:
    /// not refused): an invalid bearer token, a token or client principal header without exactly one app role of this
    /// API and an object id, or whose principal has no party in the Parties table. Computed once per request.
    /// </summary>
    public async ValueTask<Authentication> AuthenticateAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Authenticated(context) is { } done)
        {
            return done;
        }

        var outcome = await ResolveAsync(context).ConfigureAwait(false);
        context.Items[Outcome] = outcome;
        return outcome;
    }

    /// <summary>The outcome of <see cref="AuthenticateAsync"/> when it already ran for this request, else null.</summary>
    public static Authentication? Authenticated(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(Outcome, out var known) ? known as Authentication : null;
    }

    /// <summary>
    /// The refusal of the request on a route that admits <paramref name="roles"/>, or null when it may go on (the
    /// principal then in <see cref="Principal.Of"/>): no principal 401, a role not admitted 403.
    /// </summary>
    public async ValueTask<IResult?> RefusalAsync(HttpContext context, IReadOnlyList<ApiRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var (principal, refused) = await AuthenticateAsync(context).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused.Answer(context);
        }

        if (principal is null)
        {
            if (_bearer.Enabled)
            {
                context.Response.Headers.WWWAuthenticate = BearerTokens.BearerChallenge(null);
                return Problem.Unauthorized(context, $"A valid bearer token (Authorization: Bearer) or API key ('{ApiHeaders.Key}' header) is required.");
            }

            return Problem.Unauthorized(context);
        }

        if (!roles.Contains(principal.Role))
        {
            return Problem.Forbidden(context, $"This route is for the role(s) {string.Join(", ", roles)}; the caller's role is {principal.Role}.");
        }

        Principal.Admit(context, principal);
        return null;
    }

    private async ValueTask<Authentication> ResolveAsync(HttpContext context)
    {
        var token = BearerTokens.TokenOf(context.Request);
        var key = KeyOf(context.Request);
        if (token is not null && _bearer.Enabled)
        {
            if (key is not null)
            {
                return Refused(Refusal.Unauthorized(
                    $"Both a bearer token and an API key were sent; send one of them.", BearerTokens.BearerChallenge("invalid_request")));
            }

            var (identity, refused) = await _bearer.ValidateAsync(token, context.RequestAborted).ConfigureAwait(false);
            return identity is null ? Refused(refused!) : await PartyOfAsync(identity, "bearer token", context).ConfigureAwait(false);
        }

        var header = context.Request.Headers[ClientPrincipal.Header].ToString();
        if (_appService && header.Length > 0)
        {
            var identity = ClientPrincipal.Read(header, out var wellFormed);
            if (identity is null)
            {
                return wellFormed ? Refused(NoRole) : new Authentication(null, null);
            }

            return await PartyOfAsync(identity, "App Service principal", context).ConfigureAwait(false);
        }

        if (token is not null)
        {
            return Refused(Refusal.Unauthorized(
                $"This host does not accept bearer tokens; send an API key in the '{ApiHeaders.Key}' header.", BearerTokens.BearerChallenge("invalid_token")));
        }

        if (key is null)
        {
            return new Authentication(null, null);
        }

        var digest = Digest(key);
        Principal? found = null;
        foreach (var (known, principal) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, known))
            {
                found = principal;
            }
        }

        return new Authentication(found, null);
    }

    private async ValueTask<Authentication> PartyOfAsync(ClientIdentity identity, string source, HttpContext context)
    {
        try
        {
            var principal = await _parties.PrincipalOfAsync(identity, context.RequestAborted).ConfigureAwait(false);
            return principal is not null ? new Authentication(principal, null)
                : Refused(Refusal.Forbidden($"The {source} has the app role {identity.Role} but no party for it in the Parties table; ask the operator to onboard it."));
        }
        catch (Exception e) when (e is RequestFailedException or AggregateException or TimeoutException or HttpRequestException
            || (e is OperationCanceledException && !context.RequestAborted.IsCancellationRequested))
        {
            LogPartiesUnreachable(_logger, e);
            return Refused(Refusal.Unavailable("The Parties table, which names the caller's party, cannot be reached; try again later."));
        }
    }

    private static string? KeyOf(HttpRequest request)
    {
        var given = request.Headers[ApiHeaders.Key].ToString();
        if (string.IsNullOrEmpty(given))
        {
            given = request.Query[ApiHeaders.KeyQuery].ToString();
        }

        return string.IsNullOrEmpty(given) ? null : given;
    }

    private static Authentication Refused(Refusal refusal) => new(null, refusal);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Authentication:AppService is on but {Variable} is not True: App Service authentication does not run in front of this app, so the {Header} header is not trusted")]
    private static partial void LogPlatformOff(ILogger logger, string header, string variable);

    [LoggerMessage(Level = LogLevel.Error, Message = "The Parties table cannot be reached; a request with an Entra ID principal is answered 503")]
    private static partial void LogPartiesUnreachable(ILogger logger, Exception exception);

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>The outcome of <see cref="AccessCheck.AuthenticateAsync"/>: the principal, or why it is refused.</summary>
public sealed record Authentication(Principal? Principal, Refusal? Refused);
