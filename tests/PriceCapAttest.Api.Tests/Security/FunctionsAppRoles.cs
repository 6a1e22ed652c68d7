using System.Text;
using PriceCapAttest.Api.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The Functions app: each HTTP function is one route of the API (its pattern and method), and the App Service
/// authentication principal (x-ms-client-principal) is accepted only with that role's Entra ID app role.
/// </summary>
public sealed class FunctionsAppRoles
{
    [Fact]
    public void Each_Http_Function_Is_One_Route_Of_The_Api_With_Its_Pattern_And_Method()
    {
        var functions = FunctionsAppServer.HttpFunctions.ToDictionary(f => f.Name, f => f.Trigger);
        foreach (var route in ApiRoutes.All)
        {
            Assert.True(functions.TryGetValue(route.Name, out var trigger), $"No function {route.Name}");
            Assert.Equal(route.Pattern, trigger!.Route);
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.Methods ?? []);
        }

        Assert.Equal(
            ApiRoutes.All.Select(r => r.Name).Append(RouteNames.GetOpenApiDocument).Append(RouteNames.RouteNotFound).Order(StringComparer.Ordinal),
            functions.Keys.Order(StringComparer.Ordinal));

        // The shared key check answers 401/403 (the Functions host's own keys would answer differently).
        Assert.All(functions.Values, t => Assert.Equal(AuthorizationLevel.Anonymous, t.AuthLevel));
    }

    [Theory]
    [InlineData("roles", "Insurer", ApiRole.Insurer, true)]
    [InlineData("roles", "insurer", ApiRole.Insurer, true)]
    [InlineData("roles", "Regulator", ApiRole.Insurer, false)]
    [InlineData("roles", "Insurer", ApiRole.Regulator, false)]
    [InlineData("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Regulator", ApiRole.Regulator, true)]
    [InlineData("name", "Insurer", ApiRole.Insurer, false)]
    [InlineData("roles", "Insurer,Regulator", ApiRole.Regulator, false)]
    public void A_Principal_Opens_A_Route_Only_With_Its_Role(string claimType, string value, ApiRole role, bool expected)
    {
        var principal = Encode($$"""{"auth_typ":"aad","claims":[{"typ":"{{claimType}}","val":"{{value}}"}],"name_typ":"name","role_typ":"roles"}""");

        Assert.Equal(expected, ClientPrincipal.HasRole(principal, role));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("bnVsbA==")] // null
    [InlineData("W10=")] // []
    [InlineData("eyJjbGFpbXMiOjF9")] // {"claims":1}
    public void Anything_That_Is_Not_A_Principal_Has_No_Role(string? header)
    {
        Assert.False(ClientPrincipal.HasRole(header, ApiRole.Insurer));
        Assert.False(ClientPrincipal.HasRole(header, ApiRole.Regulator));
    }

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
