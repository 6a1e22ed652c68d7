namespace PriceCapAttest.Api.Security;

/// <summary>
/// What App Service authentication says of a caller: its one app role of this API and its Entra ID object id
/// (lower-case GUID). The party comes from the Parties table (<see cref="PartyDirectory"/>), not from a claim.
/// </summary>
public sealed record ClientIdentity(ApiRole Role, string ObjectId);
