using Microsoft.Extensions.Options;

namespace PriceCapAttest.Api.Security;

/// <summary>
/// Start-up check of <see cref="ApiAccessOptions"/>: each principal has a known role, a party id fitting its role
/// (<see cref="PartyIds"/>) and a key of <see cref="MinKeyLength"/> characters or more that no other principal has;
/// at least one principal unless App Service authentication or bearer validation is on; bearer settings that can
/// work (<see cref="BearerOptions"/>); a positive rate limit. Messages name the
/// setting (under <paramref name="prefix"/>, e.g. <c>LocalHost:</c>), never a key.
/// </summary>
public sealed class ApiAccessOptionsValidator(string prefix, bool appServiceAllowed) : IValidateOptions<ApiAccessOptions>
{
    public const int MinKeyLength = 16;

    public ValidateOptionsResult Validate(string? name, ApiAccessOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiKeys is { Count: > 0 })
        {
            failures.Add($"{prefix}ApiKeys is no longer used: give each key a role and a party with {prefix}Principals:{{n}}:Key, :Role and :PartyId.");
        }

        if (options.Authentication.AppService && !appServiceAllowed)
        {
            failures.Add($"{prefix}Authentication:AppService: this host is not behind App Service authentication and never trusts the {ClientPrincipal.Header} header; remove the setting.");
        }

        if (options.Principals.Count == 0 && !options.Authentication.AppService && !options.Authentication.Bearer.Enabled)
        {
            failures.Add($"{prefix}Principals: at least one principal is required ({prefix}Principals:0:Key, :Role, :PartyId) unless {prefix}Authentication:Bearer:Authority is set.");
        }

        CheckBearer(options.Authentication.Bearer, $"{prefix}Authentication:Bearer", failures);

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Principals.Count; i++)
        {
            Check(options.Principals[i], $"{prefix}Principals:{i}", failures);
            if (options.Principals[i].Key is { Length: > 0 } key && !seen.TryAdd(key, i))
            {
                failures.Add($"{prefix}Principals:{i}:Key: the same key as {prefix}Principals:{seen[key]}:Key; each principal needs its own key.");
            }
        }

        if (options.RateLimits.PermitLimit < 1)
        {
            failures.Add($"{prefix}RateLimits:PermitLimit: must be 1 or more.");
        }

        if (options.RateLimits.Window <= TimeSpan.Zero)
        {
            failures.Add($"{prefix}RateLimits:Window: must be longer than zero (e.g. 00:01:00).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckBearer(BearerOptions bearer, string at, List<string> failures)
    {
        if (!bearer.Enabled)
        {
            if (bearer.Audiences.Count > 0 || !string.IsNullOrWhiteSpace(bearer.MetadataAddress))
            {
                failures.Add($"{at}:Authority: required with {at}:Audiences or :MetadataAddress (the OpenID issuer, e.g. https://login.microsoftonline.com/{{tenant}}/v2.0).");
            }

            return;
        }

        if (!IsWebAddress(bearer.Authority))
        {
            failures.Add($"{at}:Authority: '{bearer.Authority}' is not an absolute http(s) URL (e.g. https://login.microsoftonline.com/{{tenant}}/v2.0).");
        }

        if (bearer.Audiences.Count == 0 || bearer.Audiences.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"{at}:Audiences: at least one audience, none empty, is required ({at}:Audiences:0, e.g. api://{{client id}}, and the client id).");
        }

        if (!string.IsNullOrWhiteSpace(bearer.MetadataAddress) && !IsWebAddress(bearer.MetadataAddress))
        {
            failures.Add($"{at}:MetadataAddress: '{bearer.MetadataAddress}' is not an absolute http(s) URL.");
        }
        else if (IsWebAddress(bearer.EffectiveMetadataAddress) && new Uri(bearer.EffectiveMetadataAddress!).Scheme == Uri.UriSchemeHttp && bearer.RequireHttpsMetadata)
        {
            failures.Add($"{at}:RequireHttpsMetadata: the OpenID configuration {bearer.EffectiveMetadataAddress} is http; use https, or set {at}:RequireHttpsMetadata to false (a local test issuer only).");
        }
    }

    private static bool IsWebAddress(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void Check(PrincipalSetting principal, string at, List<string> failures)
    {
        if (!Enum.TryParse<ApiRole>(principal.Role, ignoreCase: false, out var role) || !Enum.IsDefined(role) || principal.Role!.Any(char.IsDigit))
        {
            failures.Add($"{at}:Role: '{principal.Role}' is not a role; expected Shipper, Insurer, Regulator or Operator.");
        }
        else if (string.IsNullOrEmpty(principal.PartyId))
        {
            failures.Add($"{at}:PartyId: required (the {role.ToString().ToLowerInvariant()}'s party: {PartyIds.Expected(role)}).");
        }
        else if (!PartyIds.IsValid(role, principal.PartyId))
        {
            failures.Add($"{at}:PartyId: '{principal.PartyId}' is not a party id of a {role.ToString().ToLowerInvariant()}; expected {PartyIds.Expected(role)}.");
        }

        if (string.IsNullOrWhiteSpace(principal.Key) || principal.Key.Length < MinKeyLength || principal.Key.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            failures.Add($"{at}:Key: a key must be at least {MinKeyLength} characters, without spaces or control characters.");
        }
    }
}
