using System.Text.RegularExpressions;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Api.Security;

/// <summary>The party id of each role: a regime code for a regulator, else 1-64 of A-Z a-z 0-9 . _ -.</summary>
public static partial class PartyIds
{
    public const string Rule = "1-64 characters of A-Z a-z 0-9 . _ -";

    public static bool IsValid(ApiRole role, string? partyId) =>
        partyId is not null && (role == ApiRole.Regulator ? CapScheduleLoader.KnownRegimes.Contains(partyId) : IdPattern().IsMatch(partyId));

    /// <summary>What a party id of <paramref name="role"/> must be, for error messages.</summary>
    public static string Expected(ApiRole role) =>
        role == ApiRole.Regulator ? "a regime code: " + string.Join(", ", CapScheduleLoader.KnownRegimes) : Rule;

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
