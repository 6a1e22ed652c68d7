using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.LocalHost.Http;

/// <summary>
/// Every request needs the configured key, in the <c>x-functions-key</c> header or the <c>code</c> query parameter,
/// as with function keys on Azure (AuthorizationLevel.Function); otherwise 401 problem+json. Compared in fixed time.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, IOptions<LocalHostOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.ApiKey);

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var given = context.Request.Headers[ApiHeaders.Key].ToString();
        if (string.IsNullOrEmpty(given))
        {
            given = context.Request.Query[ApiHeaders.KeyQuery].ToString();
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            await new ApiResult(PriceCapApi.Unauthorized(context.Request.Path)).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}
