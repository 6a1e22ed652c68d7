using Azure.Core;
using Azure.Identity;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>
/// An Entra ID credential for tests: gives <paramref name="token"/> and keeps the scopes asked for, or, with no token,
/// fails as DefaultAzureCredential does when nobody is signed in.
/// </summary>
public sealed class FakeCredential(string? token) : TokenCredential
{
    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes) Scopes.AddRange(requestContext.Scopes);
        return token is null
            ? throw new CredentialUnavailableException("DefaultAzureCredential failed to retrieve a token from the included credentials.")
            : new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
