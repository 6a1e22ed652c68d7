using System.ComponentModel.DataAnnotations;
using PriceCapAttest.Api.Security;

namespace PriceCapAttest.LocalHost;

/// <summary>Configuration section <c>LocalHost</c>: where the HTTP API listens and the keys it requires.</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>The development insurer key of appsettings.json; anything reachable by others sets its own.</summary>
    public const string DevelopmentInsurerKey = "local-insurer-key";

    /// <summary>The development regulator key of appsettings.json; anything reachable by others sets its own.</summary>
    public const string DevelopmentRegulatorKey = "local-regulator-key";

    /// <summary>The shortest key accepted.</summary>
    public const int MinKeyLength = 8;

    /// <summary>Kestrel addresses, separated by ';'. Default http://127.0.0.1:7071 (the Functions host's port).</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:7071";

    /// <summary>
    /// The keys of each role (<c>LocalHost:ApiKeys:Insurer:0</c>, <c>...:Regulator:0</c>, ...), carried in
    /// <c>x-functions-key</c> (or <c>?code=</c>), as function keys are on Azure: one role's key opens only its routes.
    /// </summary>
    public ApiKeyOptions ApiKeys { get; set; } = new();

    /// <summary>How often uploads the polling blob trigger missed are looked for and ingested (zero: never).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How old an upload must be before the sweep takes it over from the trigger.</summary>
    public TimeSpan SweepMinimumAge { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The single key of earlier versions; refused at start-up in favour of <see cref="ApiKeys"/>.</summary>
    public string? ApiKey { get; set; }
}
