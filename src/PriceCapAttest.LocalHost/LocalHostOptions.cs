using System.ComponentModel.DataAnnotations;

namespace PriceCapAttest.LocalHost;

/// <summary>
/// Configuration section <c>LocalHost</c>: where the HTTP API listens and the upload sweep. The same section holds
/// the API's principals and rate limits (<c>LocalHost:Principals</c>, <c>LocalHost:RateLimits</c>: see
/// <see cref="PriceCapAttest.Api.Security.ApiAccessOptions"/>).
/// </summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>Kestrel addresses, separated by ';'. Default http://127.0.0.1:7071 (the Functions host's port).</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>How often uploads the polling blob trigger missed are looked for and ingested (zero: never).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old an upload must be before the sweep takes it over from the trigger.</summary>
    public TimeSpan SweepMinimumAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The single key of earlier versions; refused at start-up in favour of <c>LocalHost:Principals</c>.</summary>
    public string? ApiKey { get; set; }
}
