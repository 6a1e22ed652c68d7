using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Routes;

/// <summary>Who the caller is: what a client (the web console) shows and which of its pages it offers.</summary>
public static class MeRoutes
{
    public const string Tag = "Service";
    public const string Pattern = "me";

    public static IEnumerable<ApiRoute> All =>
    [
        new(RouteNames.GetMe, HttpMethods.Get, Pattern, Enum.GetValues<ApiRole>(), GetMe, Tag,
            "Who you are",
            "The role and party of the caller's key or token, e.g. {\"role\": \"Insurer\", \"partyId\": \"insurer-1\"}: any of the four roles; 401 without a valid key.",
            []),
    ];

    public static Ok<MeAnswer> GetMe(Principal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return TypedResults.Ok(new MeAnswer(principal.Role.ToString(), principal.PartyId));
    }
}
