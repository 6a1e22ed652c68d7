using System.Text;
using PriceCapAttest.Api.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The Functions app: each HTTP function is one route of the API (its pattern and method), and the App Service
/// authentication principal (x-ms-client-principal) names one app role of the API and a party, or none.
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
    [InlineData("roles", "Insurer", "party", "insurer-9", ApiRole.Insurer, "insurer-9")]
    [InlineData("roles", "Shipper", "extension_party", "acme.oil", ApiRole.Shipper, "acme.oil")]
    [InlineData("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Regulator", "party", "GB", ApiRole.Regulator, "GB")]
    [InlineData("roles", "Operator", "party", "ops", ApiRole.Operator, "ops")]
    public void A_Principal_Has_The_Role_And_Party_Of_Its_Claims(string roleClaim, string role, string partyClaim, string party, ApiRole expectedRole, string expectedParty)
    {
        var header = Header((roleClaim, role), (partyClaim, party), ("name", "someone"));

        Assert.Equal(new Principal(expectedRole, expectedParty), ClientPrincipal.Read(header, out var wellFormed));
        Assert.True(wellFormed);
    }

    [Theory]
    [InlineData("insurer", "insurer-9")] // app role values are exact
    [InlineData("Admin", "insurer-9")]
    [InlineData("1", "insurer-9")]
    [InlineData("Insurer,Regulator", "insurer-9")]
    [InlineData("Insurer", "")]
    [InlineData("Insurer", "has space")]
    [InlineData("Regulator", "XX")] // a regulator's party is a regime
    [InlineData("Regulator", "eu")]
    public void A_Principal_Without_One_Known_Role_And_A_Valid_Party_Has_None(string role, string party)
    {
        Assert.Null(ClientPrincipal.Read(Header(("roles", role), ("party", party)), out var wellFormed));
        Assert.True(wellFormed);
    }

    [Fact]
    public void Two_Roles_Of_The_Api_Or_No_Party_Claim_Are_No_Principal()
    {
        Assert.Null(ClientPrincipal.Read(Header(("roles", "Insurer"), ("roles", "Operator"), ("party", "ops")), out _));
        Assert.Null(ClientPrincipal.Read(Header(("roles", "Insurer")), out var wellFormed));
        Assert.True(wellFormed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 !")]
    [InlineData("bnVsbA==")] // null
    [InlineData("W10=")] // []
    [InlineData("eyJjbGFpbXMiOjF9")] // {"claims":1}
    public void Anything_That_Is_Not_A_Principal_Is_Not_Well_Formed(string? header)
    {
        Assert.Null(ClientPrincipal.Read(header, out var wellFormed));
        Assert.False(wellFormed);
    }

    internal static string Header(params (string Type, string Value)[] claims) =>
        Encode($$"""{"auth_typ":"aad","claims":[{{string.Join(',', claims.Select(c => $$"""{"typ":"{{c.Type}}","val":"{{c.Value}}"}"""))}}],"name_typ":"name","role_typ":"roles"}""");

    private static string Encode(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
}
