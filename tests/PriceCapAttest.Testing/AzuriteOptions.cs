namespace PriceCapAttest.Testing;

/// <summary>How <see cref="AzuriteProcess"/> runs the emulator.</summary>
public sealed record AzuriteOptions
{
    /// <summary>
    /// False (the default): in-memory persistence. True: a temp folder (<c>--location</c>, deleted on dispose), so
    /// that a stopped emulator starts again with its data.
    /// </summary>
    public bool Persistent { get; init; }

    /// <summary>Where Azurite writes its debug log (<c>--debug</c>: one line per request among others); null for none.</summary>
    public string? DebugLogPath { get; init; }

    /// <summary>How long the emulator may take to answer on its ports.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(40);
}
