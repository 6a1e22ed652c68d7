using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Problems;

/// <summary>
/// The RFC 9457 answers of the API, as the framework's problem details: each with its <see cref="ProblemTypes"/> URI,
/// the request path as instance, and on bad input (400, 413, 415) an <c>errors</c> extension naming each invalid parameter.
/// </summary>
public static class Problem
{
    /// <summary>The extension that lists the <see cref="FieldError"/>s of a 400.</summary>
    public const string ErrorsExtension = "errors";

    public static ProblemHttpResult InvalidParameter(HttpContext context, string field, string detail) =>
        Invalid(context, "Invalid request parameter", detail, [new FieldError(field, detail)]);

    public static ProblemHttpResult Invalid(HttpContext context, string title, string detail, IReadOnlyList<FieldError> errors) =>
        Create(context, 400, ProblemTypes.InvalidParameter, title, detail, errors);

    public static ProblemHttpResult NotFound(HttpContext context, string detail) =>
        Create(context, 404, ProblemTypes.NotFound, "Not found", detail);

    public static ProblemHttpResult RouteNotFound(HttpContext context) =>
        NotFound(context, $"'{Instance(context)}' is not a route of this API; see /api/openapi.json.");

    public static ProblemHttpResult Unauthorized(HttpContext context) => Unauthorized(context,
        $"A valid API key is required in the '{ApiHeaders.Key}' header (or the '{ApiHeaders.KeyQuery}' query parameter).");

    public static ProblemHttpResult Unauthorized(HttpContext context, string detail) => Create(context, 401, ProblemTypes.Unauthorized, "Unauthorized", detail);

    public static ProblemHttpResult Forbidden(HttpContext context, string detail) => Create(context, 403, ProblemTypes.Forbidden, "Forbidden", detail);

    public static ProblemHttpResult Conflict(HttpContext context, string detail) => Create(context, 409, ProblemTypes.Conflict, "Conflict", detail);

    public static ProblemHttpResult TooLarge(HttpContext context, string field, string detail) =>
        Create(context, 413, ProblemTypes.TooLarge, "Content too large", detail, [new FieldError(field, detail)]);

    public static ProblemHttpResult UnsupportedMediaType(HttpContext context, string field, string detail) =>
        Create(context, 415, ProblemTypes.UnsupportedMediaType, "Unsupported media type", detail, [new FieldError(field, detail)]);

    public static ProblemHttpResult RateLimited(HttpContext context, TimeSpan retryAfter) => Create(context, 429, ProblemTypes.RateLimited, "Too many requests",
        $"The request limit of this caller is reached; try again in {Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))} s (Retry-After).");

    public static ProblemHttpResult Internal(HttpContext context) => Create(context, 500, ProblemTypes.Internal, "Internal error",
        "The request could not be served because of a fault on the server side; try again later.");

    /// <summary>A dependency the request needs (storage, the token issuer) cannot be reached: 503, try again later.</summary>
    public static ProblemHttpResult Unavailable(HttpContext context, string detail) => Create(context, 503, ProblemTypes.Unavailable, "Service unavailable", detail);

    /// <summary>The problem type URI of a status the API answers (for problems the framework writes itself).</summary>
    public static string? TypeOf(int status) => status switch
    {
        400 => ProblemTypes.InvalidParameter,
        401 => ProblemTypes.Unauthorized,
        403 => ProblemTypes.Forbidden,
        404 => ProblemTypes.NotFound,
        409 => ProblemTypes.Conflict,
        413 => ProblemTypes.TooLarge,
        415 => ProblemTypes.UnsupportedMediaType,
        429 => ProblemTypes.RateLimited,
        503 => ProblemTypes.Unavailable,
        >= 500 => ProblemTypes.Internal,
        _ => null,
    };

    public static string Instance(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Request.PathBase.Add(context.Request.Path).Value ?? "/";
    }

    private static ProblemHttpResult Create(
        HttpContext context, int status, string type, string title, string detail, IReadOnlyList<FieldError>? errors = null) =>
        TypedResults.Problem(
            detail, Instance(context), status, title, type,
            errors is null ? null : new Dictionary<string, object?> { [ErrorsExtension] = errors });
}
