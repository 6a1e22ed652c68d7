using Microsoft.Extensions.Options;

namespace PriceCapAttest.LocalHost;

/// <summary>
/// Start-up check of <see cref="LocalHostOptions"/>: each role has at least one key of
/// <see cref="LocalHostOptions.MinKeyLength"/> characters or more, no key belongs to both roles, and the old single
/// <c>LocalHost:ApiKey</c> is not set. Messages name the setting, never a key.
/// </summary>
public sealed class LocalHostOptionsValidator : IValidateOptions<LocalHostOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ApiKey is not null)
        {
            failures.Add("LocalHost:ApiKey is no longer used: set LocalHost:ApiKeys:Insurer:0 and LocalHost:ApiKeys:Regulator:0 (a key per role).");
        }

        Check("Insurer", options.ApiKeys.Insurer, failures);
        Check("Regulator", options.ApiKeys.Regulator, failures);
        if (options.ApiKeys.Insurer.Intersect(options.ApiKeys.Regulator, StringComparer.Ordinal).Any())
        {
            failures.Add("LocalHost:ApiKeys: a key is listed for both Insurer and Regulator; each role needs its own keys.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string role, List<string> keys, List<string> failures)
    {
        if (keys.Count == 0)
        {
            failures.Add($"LocalHost:ApiKeys:{role}: at least one key is required.");
        }

        for (var i = 0; i < keys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(keys[i]) || keys[i].Length < LocalHostOptions.MinKeyLength || keys[i].Any(char.IsControl))
            {
                failures.Add($"LocalHost:ApiKeys:{role}:{i}: a key must be at least {LocalHostOptions.MinKeyLength} characters, without control characters.");
            }
        }
    }
}
