namespace PriceCapAttest.Testing;

/// <summary>What <see cref="LocalHostProcess"/> starts: the built program, its settings and how to tell it is ready.</summary>
public sealed class LocalHostStart(string dll)
{
    /// <summary>The built <c>PriceCapAttest.LocalHost.dll</c>.</summary>
    public string Dll { get; } = dll;

    /// <summary>
    /// The host's settings as environment variables (<c>Section__Key</c>), applied over DOTNET_ENVIRONMENT=Production.
    /// Without <c>LocalHost__Urls</c>, the host listens on a free loopback port chosen at start.
    /// </summary>
    public IDictionary<string, string?> Environment { get; } = new Dictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>The key (<c>x-functions-key</c>) of the readiness probe, GET api/schedule (an insurer route).</summary>
    public string? ReadinessKey { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>Where the host's stdout and stderr lines go (one instance may collect several starts).</summary>
    public OutputLines Output { get; init; } = new();
}
