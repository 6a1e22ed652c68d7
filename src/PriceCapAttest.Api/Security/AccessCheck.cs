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
/// principal is that header's; otherwise the key (header <c>x-functions-key</c> or query <c>code</c>) names a
/// configured principal. Keys are compared as SHA-256 digests in fixed time against every configured key, so neither
/// the length nor the position of a match shows in the timing.
/// </summary>
public sealed class AccessCheck
{
    private static readonly object Outcome = new();
    private readonly (byte[] Digest, Principal Principal)[] _keys;
    private readonly bool _appService;

    public AccessCheck(IOptions<ApiAccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _appService = options.Value.Authentication.AppService;
        _keys = [.. options.Value.Principals.Select(p => (Digest(p.Key ?? ""), new Principal(Enum.Parse<ApiRole>(p.Role!), p.PartyId!)))];
    }

    /// <summary>
    /// The principal of the request (null: none), and whether it is refused before any role is considered (a
    /// client principal header that names no single role and valid party of this API). Computed once per request.
    /// </summary>
    public (Principal? Principal, bool Unusable) Authenticate(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(Outcome, out var known) && known is Authentication done)
        {
            return (done.Principal, done.Unusable);
        }

        var (principal, unusable) = Resolve(context);
        context.Items[Outcome] = new Authentication(principal, unusable);
        return (principal, unusable);
    }

    /// <summary>
    /// The refusal of the request on a route that admits <paramref name="roles"/>, or null when it may go on (the
    /// principal then in <see cref="Principal.Of"/>): no principal 401, a role not admitted 403.
    /// </summary>
    public IResult? Refusal(HttpContext context, IReadOnlyList<ApiRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var (principal, unusable) = Authenticate(context);
        if (unusable)
        {
            return Problem.Forbidden(context, $"The App Service principal does not carry exactly one app role of this API ({string.Join(", ", Enum.GetNames<ApiRole>())}) with a valid party claim.");
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

    private (Principal?, bool) Resolve(HttpContext context)
    {
        var header = context.Request.Headers[ClientPrincipal.Header].ToString();
        if (_appService && header.Length > 0)
        {
            var fromHeader = ClientPrincipal.Read(header, out var wellFormed);
            return (fromHeader, wellFormed && fromHeader is null);
        }

        var given = context.Request.Headers[ApiHeaders.Key].ToString();
        if (string.IsNullOrEmpty(given))
        {
            given = context.Request.Query[ApiHeaders.KeyQuery].ToString();
        }

        if (string.IsNullOrEmpty(given))
        {
            return (null, false);
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

        return (found, false);
    }

    private sealed record Authentication(Principal? Principal, bool Unusable);

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
