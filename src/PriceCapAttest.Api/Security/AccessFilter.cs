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
        return await check.RefusalAsync(context.HttpContext, roles).ConfigureAwait(false) ?? await next(context).ConfigureAwait(false);
    }
}
