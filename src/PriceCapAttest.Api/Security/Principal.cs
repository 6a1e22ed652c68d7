using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who is calling: a role and the party it acts for. A handler takes it as a parameter of this type, bound by
/// <see cref="BindAsync"/> from the request's key (or App Service principal) through <see cref="AccessCheck"/>.
/// Parameters are bound before the endpoint filters run, so the binding authenticates (once per request, cached);
/// the access filter then refuses a role the route does not admit before the handler runs, and stores the admitted
/// principal in <see cref="HttpContext.Items"/> (<see cref="Of"/>). Without a principal the binding fails (400), which
/// the access filter answers first with 401; on a route that admits no role, do not take a principal.
/// </summary>
public sealed record Principal(ApiRole Role, string PartyId)
{
    private static readonly object ItemKey = new();

    /// <summary>The admitted principal of the request, or null.</summary>
    public static Principal? Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Items.TryGetValue(ItemKey, out var value) ? value as Principal : null;
    }

    /// <summary>Parameter binding of minimal API handlers (and of the Functions app's request delegates).</summary>
    public static async ValueTask<Principal?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context) ?? (await context.RequestServices.GetRequiredService<AccessCheck>().AuthenticateAsync(context).ConfigureAwait(false)).Principal;
    }

    internal static void Admit(HttpContext context, Principal principal) => context.Items[ItemKey] = principal;

    /// <summary>True when this principal is a shipper acting for another shipper than <paramref name="shipperId"/>.</summary>
    public bool IsOtherShipper(string shipperId) => Role == ApiRole.Shipper && !string.Equals(PartyId, shipperId, StringComparison.Ordinal);
}
