using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace PriceCapAttest.WebConsole;

/// <summary>The security and cache headers of every console answer.</summary>
public static partial class ConsoleHeaders
{
    /// <summary>
    /// Scripts, styles and requests from this origin only (no inline script, nothing from a CDN); with Entra sign-in,
    /// requests and MSAL's silent-renewal frames may also go to the authority's origin.
    /// </summary>
    public static string ContentSecurityPolicy(ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var login = options.Entra.IsConfigured && Uri.TryCreate(options.Entra.Authority, UriKind.Absolute, out var authority)
            ? authority.GetLeftPart(UriPartial.Authority)
            : null;
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
            $"connect-src 'self'{(login is null ? "" : " " + login)}; frame-src {login ?? "'none'"}; " +
            "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    public static void Apply(HttpResponse response, ConsoleOptions options, string cacheControl)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(options);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "no-referrer";
        response.Headers.CacheControl = cacheControl;
    }

    /// <summary>index.html and config.json are asked again each time; hashed bundle files never change under their name.</summary>
    public const string NoCache = "no-cache";

    public const string Immutable = "public, max-age=31536000, immutable";

    /// <summary>True for a bundle file whose name carries esbuild's content hash (app-QHINAOIB.js, chunk-GBCL7QX4.js.LEGAL.txt).</summary>
    public static bool IsHashed(string fileName) => HashedName().IsMatch(fileName);

    [GeneratedRegex(@"^[a-z]+-[A-Z0-9]{8}\.", RegexOptions.CultureInvariant)]
    private static partial Regex HashedName();
}
