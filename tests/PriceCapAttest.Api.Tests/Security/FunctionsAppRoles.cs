using System.Text;
using System.Text.RegularExpressions;
using PriceCapAttest.Api.Tests.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The Functions app: each HTTP function declares the role the OpenAPI document gives its route, and the App Service
/// authentication principal (x-ms-client-principal) is accepted only with that role's Entra ID app role.
/// </summary>
public sealed partial class FunctionsAppRoles
{
    [Fact]
    public void Each_Function_Checks_The_Role_Of_Its_Documented_Route()
    {
        var source = File.ReadAllText(BuildInfo.RepositoryFile("functions/PriceCapAttest.Functions/HttpApi.cs"));
        var declared = FunctionRole().Matches(source)
            .Select(m => ("/" + m.Groups["route"].Value.Replace("{*", "{", StringComparison.Ordinal), m.Groups["role"].Value.ToLowerInvariant()))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ToList();
        var documented = OpenApiDocument.Operations
            .Select(o => (o.Path, OpenApiDocument.Operation(o.Path, o.Method)["security"]![0]!.AsObject().Single().Key.Replace("Key", "", StringComparison.Ordinal)))
            .OrderBy(p => p.Path, StringComparer.Ordinal)
            .ToList();

        Assert.Equal(documented, declared);
        Assert.DoesNotContain("AuthorizationLevel.Anonymous", source, StringComparison.Ordinal);
        Assert.DoesNotContain("AuthorizationLevel.Admin", source, StringComparison.Ordinal);
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

    [GeneratedRegex("""Route = "(?<route>[^"]+)"\)\][^;]*?Refusal\(request, ApiRole\.(?<role>\w+)\)""", RegexOptions.Singleline)]
    private static partial Regex FunctionRole();
}
