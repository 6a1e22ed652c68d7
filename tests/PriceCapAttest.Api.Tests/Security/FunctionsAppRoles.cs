using System.Text;
using PriceCapAttest.Api.Tests.Infrastructure;
using Microsoft.Azure.Functions.Worker;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The Functions app: each HTTP function is one route of the API (its pattern and method), and the App Service
/// authentication principal (x-ms-client-principal) names one app role of the API and an object id, or none.
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
            Assert.Equal("/" + FunctionsAppServer.HostRoutePrefix + trigger!.Route, ApiRoutes.Prefix + "/" + route.Pattern);
            Assert.Equal([route.Method.ToLowerInvariant()], trigger.Methods ?? []);
        }

        Assert.Equal(
            ApiRoutes.All.Select(r => r.Name).Append(RouteNames.GetOpenApiDocument).Append(RouteNames.GetApiDocs).Append(RouteNames.RouteNotFound).Append(PriceCapAttest.Functions.WebConsole.FunctionName).Order(StringComparer.Ordinal),
            functions.Keys.Order(StringComparer.Ordinal));

        // The shared key check answers 401/403 (the Functions host's own keys would answer differently).
        Assert.All(functions.Values, t => Assert.Equal(AuthorizationLevel.Anonymous, t.AuthLevel));
    }

    private const string Oid = "3f2a9c1e-5b7d-4e8f-9a01-23456789abcd";
    private const string OidUri = "http://schemas.microsoft.com/identity/claims/objectidentifier";

    [Theory]
    [InlineData("roles", "Insurer", "oid", Oid, ApiRole.Insurer)]
    [InlineData("roles", "Shipper", OidUri, Oid, ApiRole.Shipper)]
    [InlineData("http://schemas.microsoft.com/ws/2008/06/identity/claims/role", "Regulator", "oid", "3F2A9C1E-5B7D-4E8F-9A01-23456789ABCD", ApiRole.Regulator)]
    [InlineData("roles", "Operator", "oid", Oid, ApiRole.Operator)]
    public void An_Identity_Has_The_App_Role_And_The_Lower_Case_Object_Id_Of_Its_Claims(string roleClaim, string role, string oidClaim, string oid, ApiRole expectedRole)
    {
        var header = Header((roleClaim, role), (oidClaim, oid), ("party", "ignored"), ("name", "someone"));

        Assert.Equal(new ClientIdentity(expectedRole, Oid), ClientPrincipal.Read(header, out var wellFormed));
        Assert.True(wellFormed);
    }

    [Theory]
    [InlineData("insurer", Oid)] // app role values are exact
    [InlineData("Admin", Oid)]
    [InlineData("1", Oid)]
    [InlineData("Insurer,Regulator", Oid)]
    [InlineData("Insurer", "")]
    [InlineData("Insurer", "not-a-guid")]
    public void A_Principal_Without_One_Known_Role_And_One_Object_Id_Has_No_Identity(string role, string oid)
    {
        Assert.Null(ClientPrincipal.Read(Header(("roles", role), ("oid", oid)), out var wellFormed));
        Assert.True(wellFormed);
    }

    [Fact]
    public void Two_Roles_Of_The_Api_Two_Object_Ids_Or_None_Are_No_Identity()
    {
        Assert.Null(ClientPrincipal.Read(Header(("roles", "Insurer"), ("roles", "Operator"), ("oid", Oid)), out _));
        Assert.Null(ClientPrincipal.Read(Header(("roles", "Insurer"), ("oid", Oid), (OidUri, Guid.NewGuid().ToString())), out _));
        Assert.Null(ClientPrincipal.Read(Header(("roles", "Insurer"), ("party", "insurer-9")), out var wellFormed));
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
