using System.Reflection;
using Microsoft.AspNetCore.Http;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who is calling: a role and the party it acts for. The access filter stores it in <see cref="HttpContext.Items"/>
/// once the key (or the App Service principal) is admitted; a handler takes it as a parameter of this type, bound
/// by <see cref="BindAsync"/> (on a route that admits no role there is none, and the binding fails with 400).
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
    public static ValueTask<Principal?> BindAsync(HttpContext context, ParameterInfo parameter) => ValueTask.FromResult(Of(context));

    internal static void Admit(HttpContext context, Principal principal) => context.Items[ItemKey] = principal;

    /// <summary>True when this principal is a shipper acting for another shipper than <paramref name="shipperId"/>.</summary>
    public bool IsOtherShipper(string shipperId) => Role == ApiRole.Shipper && !string.Equals(PartyId, shipperId, StringComparison.Ordinal);
}
