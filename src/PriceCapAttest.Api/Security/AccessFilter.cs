using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PriceCapAttest.Api.Security;

/// <summary>The endpoint filter of every route that admits roles: <see cref="AccessCheck"/> for those roles.</summary>
public sealed class AccessFilter(IReadOnlyList<ApiRole> roles) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var check = context.HttpContext.RequestServices.GetRequiredService<AccessCheck>();
        return check.Refusal(context.HttpContext, roles) ?? await next(context).ConfigureAwait(false);
    }
}
