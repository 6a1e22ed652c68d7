using System.Security.Cryptography;
using System.Text;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// How an endpoint is named outside the configuration. A route may carry an access key in its query string
/// (e.g. <c>?code=...</c>), so stored statuses, logs and errors show <see cref="Display"/> (scheme, host, port, path)
/// and rows are keyed by <see cref="Id"/>, a hash of the full URL.
/// </summary>
public static class EndpointIdentity
{
    /// <summary>
    /// scheme://host[:port]/path, without user info, query or fragment. For a scheme other than http(s) only
    /// scheme://host[:port]: such parsers (ftp, file, ...) keep a '?' and what follows inside the path.
    /// </summary>
    public static string Display(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var http = endpoint.Scheme == Uri.UriSchemeHttps || endpoint.Scheme == Uri.UriSchemeHttp;
        return endpoint.GetComponents(http ? UriComponents.SchemeAndServer | UriComponents.Path : UriComponents.SchemeAndServer, UriFormat.UriEscaped);
    }

    /// <summary>A short stable identifier of the full URL (16 hex digits of its SHA-256), safe in a table key.</summary>
    public static string Id(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return Hash(endpoint.AbsoluteUri)[..16];
    }

    /// <summary>
    /// The Standard Webhooks message id of one alert to one endpoint: the same on every retry, different per endpoint,
    /// so a receiver can deduplicate. <c>msg_</c> followed by 32 hex digits of SHA-256(alertId LF url).
    /// </summary>
    public static string WebhookId(string alertId, Uri endpoint)
    {
        ArgumentException.ThrowIfNullOrEmpty(alertId);
        ArgumentNullException.ThrowIfNull(endpoint);
        return "msg_" + Hash(alertId + "\n" + endpoint.AbsoluteUri)[..32];
    }

    private static string Hash(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
