using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Rescreening;

/// <summary>
/// A storage emulator of its own for one re-screening test: re-screening state is account-wide (one index, one run
/// state), so these tests do not share the collection's emulator with tests that ingest other attestations.
/// </summary>
internal sealed class PrivateStore : IAsyncDisposable
{
    private readonly AzuriteFixture _azurite;

    private PrivateStore(AzuriteFixture azurite, PipelineHarness harness)
    {
        _azurite = azurite;
        Harness = harness;
    }

    public PipelineHarness Harness { get; }

    public static async Task<PrivateStore> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        var harness = await PipelineHarness.CreateAsync(azurite, settings);
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)); // after the July 2026 review
        return new PrivateStore(azurite, harness);
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
