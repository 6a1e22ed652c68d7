namespace PriceCapAttest.Api.Security;

/// <summary>
/// The parties that call the API. Each route admits a set of roles (<see cref="Routes.ApiRoute.Roles"/>); the party
/// id of the <see cref="Principal"/> scopes what some of them see (a shipper its own documents, a regulator its
/// own regime).
/// </summary>
public enum ApiRole
{
    /// <summary>Uploads attestations; party: the shipper id.</summary>
    Shipper,

    /// <summary>Insures cargoes; party: the insurer id.</summary>
    Insurer,

    /// <summary>A coalition regulator; party: the regime code (US, EU, GB, CA, JP, AU, NZ, CH, NO).</summary>
    Regulator,

    /// <summary>Runs the service (alert replay, re-screening); party: an operator name.</summary>
    Operator,
}
