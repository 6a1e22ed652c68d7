using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.LocalHost.Http;

/// <summary>
/// Every request needs a key, in the <c>x-functions-key</c> header or the <c>code</c> query parameter, as with
/// function keys on Azure (AuthorizationLevel.Function, a key per function): a missing or unknown key is 401; a key
/// of the other role than the route's (<see cref="ApiRole"/> metadata of the endpoint) is 403; both problem+json.
/// A path that is no route needs a key of either role (then 404). Keys are compared as SHA-256 digests in fixed
/// time, against every configured key, so neither the length nor the position of a match shows in the timing.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<LocalHostOptions> options)
{
    private readonly byte[][] _insurer = [.. options.Value.ApiKeys.Insurer.Select(Digest)];
    private readonly byte[][] _regulator = [.. options.Value.ApiKeys.Regulator.Select(Digest)];

    public async Task InvokeAsync(HttpContext context)
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
        var required = context.GetEndpoint()?.Metadata.GetMetadata<ApiRoleMetadata>()?.Role;
        ApiResponse? refusal = (isInsurer || isRegulator, required) switch
        {
            (false, _) => PriceCapApi.Unauthorized(context.Request.Path),
            (true, ApiRole.Insurer) when !isInsurer => PriceCapApi.Forbidden(ApiRole.Insurer, context.Request.Path),
            (true, ApiRole.Regulator) when !isRegulator => PriceCapApi.Forbidden(ApiRole.Regulator, context.Request.Path),
            _ => null,
        };
        if (refusal is not null)
        {
            await new ApiResult(refusal).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
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

/// <summary>Endpoint metadata: the role whose key a route requires.</summary>
public sealed record ApiRoleMetadata(ApiRole Role);
