namespace PriceCapAttest.Api.Security;

/// <summary>
/// The keys of each role (several, so a key can be rotated), carried in <c>x-functions-key</c> (or <c>?code=</c>):
/// one role's key opens only its routes. The local host reads them from <c>LocalHost:ApiKeys</c>, the Functions app
/// from <c>ApiKeys</c> (docs/security.md).
/// </summary>
public sealed class ApiKeyOptions
{
    public List<string> Insurer { get; set; } = [];

    public List<string> Regulator { get; set; } = [];
}
