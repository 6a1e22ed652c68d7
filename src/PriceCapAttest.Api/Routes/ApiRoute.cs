using Microsoft.AspNetCore.Builder;
using PriceCapAttest.Api.Security;

namespace PriceCapAttest.Api.Routes;

/// <summary>
/// One route of the API, the single definition both hosts serve: its name (the operation id and the Functions
/// function name), method, pattern under <c>/api</c>, the roles it admits (empty: anyone, without a key), the handler, and
/// what the OpenAPI document says of it (<see cref="Problems"/>: the problem statuses besides 401/403/500).
/// </summary>
public sealed record ApiRoute(
    string Name,
    string Method,
    string Pattern,
    IReadOnlyList<ApiRole> Roles,
    Delegate Handler,
    string Tag,
    string Summary,
    string Description,
    IReadOnlyList<int> Problems)
{
    /// <summary>Further OpenAPI metadata of the route (e.g. a CSV answer or a request body).</summary>
    public Action<RouteHandlerBuilder>? Document { get; init; }

    public bool IsAnonymous => Roles.Count == 0;
}
