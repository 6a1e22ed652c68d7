using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who a request comes from, and whether its route admits it. With App Service authentication on
/// (<see cref="AuthenticationOptions.AppService"/>) and the <see cref="ClientPrincipal.Header"/> present, the
/// principal is that header's (its app role, and its party from the Parties table: <see cref="PartyDirectory"/>);
/// otherwise the key (header <c>x-functions-key</c> or query <c>code</c>) names a
/// configured principal. Keys are compared as SHA-256 digests in fixed time against every configured key, so neither
/// the length nor the position of a match shows in the timing.
/// </summary>
public sealed class AccessCheck
{
    private static readonly object Outcome = new();
    private static readonly string NoRole = $"The App Service principal does not carry exactly one app role of this API ({string.Join(", ", Enum.GetNames<ApiRole>())}) and one object id.";
    private readonly (byte[] Digest, Principal Principal)[] _keys;
    private readonly bool _appService;
    private readonly PartyDirectory _parties;

    public AccessCheck(IOptions<ApiAccessOptions> options, PartyDirectory parties)
    {
        ArgumentNullException.ThrowIfNull(options);
        _parties = parties;
        _appService = options.Value.Authentication.AppService;
        _keys = [.. options.Value.Principals.Select(p => (Digest(p.Key ?? ""), new Principal(Enum.Parse<ApiRole>(p.Role!), p.PartyId!)))];
    }

    /// <summary>
    /// The principal of the request (null: none), and the reason it is refused before any role is considered (null:
    /// not refused): a client principal header without exactly one app role of this API and an object id, or whose
    /// principal has no party in the Parties table. Computed once per request.
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
            return Problem.Forbidden(context, refused);
        }

        if (principal is null)
        {
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
        var header = context.Request.Headers[ClientPrincipal.Header].ToString();
        if (_appService && header.Length > 0)
        {
            var identity = ClientPrincipal.Read(header, out var wellFormed);
            if (identity is null)
            {
                return new Authentication(null, wellFormed ? NoRole : null);
            }

            var principal = await _parties.PrincipalOfAsync(identity, context.RequestAborted).ConfigureAwait(false);
            return new Authentication(principal, principal is null ? $"The App Service principal has the app role {identity.Role} but no party for it in the Parties table; ask the operator to onboard it." : null);
        }

        var given = context.Request.Headers[ApiHeaders.Key].ToString();
        if (string.IsNullOrEmpty(given))
        {
            given = context.Request.Query[ApiHeaders.KeyQuery].ToString();
        }

        if (string.IsNullOrEmpty(given))
        {
            return new Authentication(null, null);
        }

        var digest = Digest(given);
        Principal? found = null;
        foreach (var (key, principal) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, key))
            {
                found = principal;
            }
        }

        return new Authentication(found, null);
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

/// <summary>The outcome of <see cref="AccessCheck.AuthenticateAsync"/>: the principal, or why it is refused (403).</summary>
public sealed record Authentication(Principal? Principal, string? Refused);
