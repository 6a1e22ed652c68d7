using Microsoft.Extensions.Options;

namespace PriceCapAttest.LocalHost;

/// <summary>
/// Start-up check of <see cref="LocalHostOptions"/>: the old single <c>LocalHost:ApiKey</c> is not set. (The
/// principals of <c>LocalHost:Principals</c> are checked by the API's own validator.) Messages name the setting,
/// never a key.
/// </summary>
public sealed class LocalHostOptionsValidator : IValidateOptions<LocalHostOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ApiKey is null
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("LocalHost:ApiKey is no longer used: set LocalHost:Principals:{n}:Key, :Role and :PartyId (a key per principal).");
    }
}
