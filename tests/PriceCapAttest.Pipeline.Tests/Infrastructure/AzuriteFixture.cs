using PriceCapAttest.Testing;

namespace PriceCapAttest.Pipeline.Tests.Infrastructure;

/// <summary>
/// One Azurite (<see cref="AzuriteProcess"/>: free ports on 127.0.0.1, in memory) for all tests of the
/// <see cref="AzuriteCollection"/>. Tests isolate themselves with unique container, queue and table names (see
/// <see cref="AzuriteProcess.UniqueName"/>), or by unique keys in the pipeline's own tables.
/// </summary>
public sealed class AzuriteFixture : AzuriteProcess, IAsyncLifetime
{
    public Task InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}

/// <summary>One Azurite for every test class marked <c>[Collection(AzuriteCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
