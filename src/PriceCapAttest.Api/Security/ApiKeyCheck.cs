using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using PriceCapAttest.Api.Problems;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The access check of both hosts. A missing or unknown key (header <c>x-functions-key</c> or query <c>code</c>) is
/// 401; a key of the other role than the route's is 403; when App Service authentication passes a principal
/// (<see cref="ClientPrincipal.Header"/>), it must carry the route's app role too, else 403. Keys are compared as
/// SHA-256 digests in fixed time against every configured key, so neither the length nor the position of a match
/// shows in the timing.
/// </summary>
public sealed class ApiKeyCheck(IOptions<ApiKeyOptions> options)
{
    private readonly byte[][] _insurer = [.. options.Value.Insurer.Select(Digest)];
    private readonly byte[][] _regulator = [.. options.Value.Regulator.Select(Digest)];

    /// <summary>The refusal of the request, or null when it may go on; <paramref name="required"/> null: any role.</summary>
    public IResult? Refusal(HttpContext context, ApiRole? required)
    {
        ArgumentNullException.ThrowIfNull(context);
        var given = context.Request.Headers[ApiHeaders.Key].ToString();
        if (string.IsNullOrEmpty(given))
        {
            given = context.Request.Query[ApiHeaders.KeyQuery].ToString();
        }

        var digest = Digest(given);
        var isInsurer = AnyEquals(digest, _insurer);
        var isRegulator = AnyEquals(digest, _regulator);
        if (!isInsurer && !isRegulator)
        {
            return Problem.Unauthorized(context);
        }

        if (required is not { } role)
        {
            return null;
        }

        var keyFits = role == ApiRole.Insurer ? isInsurer : isRegulator;
        var principal = context.Request.Headers[ClientPrincipal.Header].ToString();
        return !keyFits || (principal.Length > 0 && !ClientPrincipal.HasRole(principal, role))
            ? Problem.Forbidden(context, role)
            : null;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static bool AnyEquals(byte[] digest, byte[][] keys)
    {
        var found = false;
        foreach (var key in keys)
        {
            found |= CryptographicOperations.FixedTimeEquals(digest, key);
        }

        return found;
    }
}
