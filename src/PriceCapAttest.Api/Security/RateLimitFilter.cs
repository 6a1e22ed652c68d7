using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PriceCapAttest.Api.Problems;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// The request limit, outermost filter of every route in both hosts (an endpoint filter rather than the rate limiting
/// middleware, which the Functions app's request delegates would not pass through): a fixed window of
/// <see cref="RateLimitOptions.PermitLimit"/> requests per <see cref="RateLimitOptions.Window"/> for each principal
/// (role and party, so a rotated key shares its principal's budget), and for each remote address when the request
/// names no principal (the routes without a key, and wrong keys). Over the limit: 429 problem with Retry-After.
/// </summary>
public sealed class RateLimitFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var limiter = http.RequestServices.GetRequiredService<ApiRateLimiter>();
        await http.RequestServices.GetRequiredService<AccessCheck>().AuthenticateAsync(http).ConfigureAwait(false);
        using var lease = limiter.Acquire(http);
        if (lease.IsAcquired)
        {
            return await next(context).ConfigureAwait(false);
        }

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : limiter.Window;
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problem.RateLimited(http, retryAfter);
    }
}

/// <summary>The partitioned limiter behind <see cref="RateLimitFilter"/>, one per host.</summary>
public sealed class ApiRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ApiRateLimiter(IOptions<ApiAccessOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.RateLimits;
        Window = limits.Window;
        _limiter = PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
            Partition(context),
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.PermitLimit, Window = limits.Window, QueueLimit = 0, AutoReplenishment = true }));
    }

    public TimeSpan Window { get; }

    /// <summary>A permit for the request, whose principal <see cref="AccessCheck.AuthenticateAsync"/> has resolved.</summary>
    public RateLimitLease Acquire(HttpContext context) => _limiter.AttemptAcquire(context);

    public void Dispose() => _limiter.Dispose();

    private static string Partition(HttpContext context) => AccessCheck.Authenticated(context)?.Principal is { } principal
        ? $"principal:{principal.Role}:{principal.PartyId}"
        : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
}
