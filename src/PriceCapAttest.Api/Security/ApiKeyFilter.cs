using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PriceCapAttest.Api.Security;

/// <summary>The endpoint filter of every keyed route: <see cref="ApiKeyCheck"/> for the route's role (null: any role).</summary>
public sealed class ApiKeyFilter(ApiRole? role) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var check = context.HttpContext.RequestServices.GetRequiredService<ApiKeyCheck>();
        return check.Refusal(context.HttpContext, role) ?? await next(context).ConfigureAwait(false);
    }
}
