using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using PriceCapAttest.Api.Problems;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Why a request is refused before any role is considered: 401 (with a <c>WWW-Authenticate</c> challenge for bearer
/// tokens), 403, or 503 when what the check needs cannot be reached. The detail never holds a credential.
/// </summary>
public sealed record Refusal(int Status, string Detail, string? Challenge = null)
{
    public static Refusal Unauthorized(string detail, string? challenge = null) => new(StatusCodes.Status401Unauthorized, detail, challenge);

    public static Refusal Forbidden(string detail) => new(StatusCodes.Status403Forbidden, detail);

    public static Refusal Unavailable(string detail) => new(StatusCodes.Status503ServiceUnavailable, detail);

    /// <summary>The problem+json answer of this refusal (its challenge header set on the response).</summary>
    public IResult Answer(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Challenge is not null)
        {
            context.Response.Headers[HeaderNames.WWWAuthenticate] = Challenge;
        }

        return Status switch
        {
            StatusCodes.Status401Unauthorized => Problem.Unauthorized(context, Detail),
            StatusCodes.Status503ServiceUnavailable => Problem.Unavailable(context, Detail),
            _ => Problem.Forbidden(context, Detail),
        };
    }
}
