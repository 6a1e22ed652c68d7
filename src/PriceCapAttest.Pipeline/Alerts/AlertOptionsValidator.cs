using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Start-up check of <see cref="AlertOptions"/>. Alerts carry sanctions evidence, so they go over https only; plain
/// http is allowed for loopback receivers (127.0.0.0/8, ::1, localhost) used in development and tests.
/// Messages name the offending setting and URL but never the signing secret.
/// </summary>
public sealed class AlertOptionsValidator : IValidateOptions<AlertOptions>
{
    public const string SecretPrefix = "whsec_";
    private const int MinSecretBytes = 24;
    private const int MaxSecretBytes = 64;
    private static readonly TimeSpan MaxQueueInvisibility = TimeSpan.FromDays(7);

    public ValidateOptionsResult Validate(string? name, AlertOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var anyRoute = false;

        foreach (var (regime, urls) in options.Routes)
        {
            var known = CapScheduleLoader.KnownRegimes.Contains(regime, StringComparer.OrdinalIgnoreCase);
            if (!known)
            {
                failures.Add(Format(
                    $"Alerts:Routes:{regime}: unknown regime; expected one of {string.Join(", ", CapScheduleLoader.KnownRegimes)}."));
            }

            var list = urls ?? [];
            if (list.Count > AlertOptions.MaxEndpointsPerRegime)
                failures.Add(Format($"Alerts:Routes:{regime}: at most {AlertOptions.MaxEndpointsPerRegime} endpoints per regime."));

            for (var i = 0; i < list.Count; i++)
            {
                anyRoute = true;
                var problem = CheckUrl(list[i]);
                if (problem is not null)
                    failures.Add(Format($"Alerts:Routes:{regime}:{i}: {problem}"));
            }
        }

        if (anyRoute || !string.IsNullOrEmpty(options.SigningSecret))
        {
            var problem = CheckSecret(options.SigningSecret);
            if (problem is not null)
                failures.Add($"Alerts:SigningSecret: {problem}");
        }

        if (options.MaxAttempts is < 1 or > 50)
            failures.Add("Alerts:MaxAttempts must be between 1 and 50.");
        if (options.BaseBackoff <= TimeSpan.Zero)
            failures.Add("Alerts:BaseBackoff must be positive.");
        if (options.MaxBackoff < options.BaseBackoff)
            failures.Add("Alerts:MaxBackoff must not be less than Alerts:BaseBackoff.");
        if (options.MaxBackoff > MaxQueueInvisibility)
            failures.Add("Alerts:MaxBackoff must not exceed 7 days (the longest a queue message can stay invisible).");
        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
            failures.Add("Alerts:RequestTimeout must be positive and at most 5 minutes.");
        if (options.ApiBaseUrl is { } api && (!api.IsAbsoluteUri || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp)))
            failures.Add("Alerts:ApiBaseUrl must be an absolute http or https address.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Why a route URL is refused, or null when it is acceptable.</summary>
    public static string? CheckUrl(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
            return "empty URL.";
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
            return Format($"'{Redact(url)}' is not an absolute URL.");
        if (!string.IsNullOrEmpty(uri.UserInfo))
            return Format($"'{EndpointIdentity.Display(uri)}' must not carry credentials in the URL.");
        if (uri.Scheme == Uri.UriSchemeHttps)
            return null;
        if (uri.Scheme == Uri.UriSchemeHttp && IsLoopback(uri))
            return null;
        return Format(
            $"'{EndpointIdentity.Display(uri)}' is refused: alerts are sent over https only (plain http only to loopback addresses 127.0.0.0/8, ::1 or localhost).");
    }

    /// <summary>True for localhost and loopback IP literals (127.0.0.0/8, ::1).</summary>
    public static bool IsLoopback(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (string.Equals(uri.IdnHost, "localhost", StringComparison.OrdinalIgnoreCase))
            return true;
        return IPAddress.TryParse(uri.IdnHost, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>Why a signing secret is refused, or null when it is well-formed. Never includes the value.</summary>
    public static string? CheckSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
            return "required when any route is configured (whsec_ followed by base64).";
        if (!secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
            return "must start with 'whsec_' (Standard Webhooks form: whsec_ followed by base64).";
        int length;
        try
        {
            length = Convert.FromBase64String(secret[SecretPrefix.Length..]).Length;
        }
        catch (FormatException)
        {
            return "the part after 'whsec_' is not valid base64.";
        }
        if (length is < MinSecretBytes or > MaxSecretBytes)
            return Format($"the key must be {MinSecretBytes} to {MaxSecretBytes} bytes long once decoded.");
        return null;
    }

    private static string Redact(string url)
    {
        var text = url.Trim();
        var cut = text.IndexOfAny(['?', '#', '@']);
        return cut < 0 ? text : text[..cut] + "...";
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
