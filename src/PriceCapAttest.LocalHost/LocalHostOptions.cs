using System.ComponentModel.DataAnnotations;

namespace PriceCapAttest.LocalHost;

/// <summary>Configuration section <c>LocalHost</c>: where the HTTP API listens and the key it requires.</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The development key of appsettings.json; anything reachable by others should set its own.</summary>
    public const string DevelopmentKey = "local-dev-key";

    /// <summary>Kestrel addresses, separated by ';'. Default http://127.0.0.1:7071 (the Functions host's port).</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>The key every API request must carry in <c>x-functions-key</c> (or <c>?code=</c>).</summary>
    [Required]
    [MinLength(8)]
    public string ApiKey { get; set; } = DevelopmentKey;
}
