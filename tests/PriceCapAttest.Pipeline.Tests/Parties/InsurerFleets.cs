using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Parties;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Tests.Infrastructure;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Pipeline.Tests.Parties;

/// <summary>
/// <see cref="FleetStore"/> on Azurite: IMO numbers checked and normalised, the current fleet in one row, an
/// append-only history row per change written with it, and concurrent replacements that lose nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class InsurerFleets(AzuriteFixture azurite)
{
    private static string NewInsurer() => "insurer-" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task An_insurer_without_a_fleet_has_an_empty_one_at_revision_0()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var fleet = await harness.Get<FleetStore>().GetAsync(NewInsurer(), CancellationToken.None);

        Assert.Empty(fleet.Imos);
        Assert.Equal(0, fleet.Revision);
        Assert.Null(fleet.UpdatedAt);
    }

    [Fact]
    public async Task A_fleet_is_normalised_deduplicated_sorted_and_stored_with_the_time_of_the_clock()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();

        var result = await store.ReplaceAsync(insurer, ["IMO 9074729", Imos.Of(123456), "9074729", "imo" + Imos.Of(100000)], CancellationToken.None);

        string[] expected = [Imos.Of(100000), Imos.Of(123456), "9074729"];
        Assert.Equal(expected, result.Fleet!.Imos);
        var read = await store.GetAsync(insurer, CancellationToken.None);
        Assert.Equal(expected, read.Imos);
        Assert.Equal(1, read.Revision);
        Assert.Equal(harness.Clock.GetUtcNow(), read.UpdatedAt);
        Assert.True(await store.ContainsAsync(insurer, "IMO 9074729", CancellationToken.None));
        Assert.False(await store.ContainsAsync(insurer, Imos.Of(999999), CancellationToken.None));
        Assert.False(await store.ContainsAsync(NewInsurer(), "9074729", CancellationToken.None));
    }

    [Fact]
    public async Task Any_invalid_imo_refuses_the_whole_request_naming_each_bad_entry()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();
        await store.ReplaceAsync(insurer, ["9074729"], CancellationToken.None);

        var result = await store.ReplaceAsync(insurer, [Imos.Of(123456), "9074728", "12345", "IMO 907472X"], CancellationToken.None);

        Assert.Null(result.Fleet);
        Assert.Equal("imos", result.Refusal!.Field);
        Assert.Equal([(1, "9074728"), (2, "12345"), (3, "IMO 907472X")], result.Refusal.Entries.Select(e => (e.Index, e.Value)));
        Assert.Contains("check digit", result.Refusal.Entries[0].Reason, StringComparison.Ordinal);
        var fleet = await store.GetAsync(insurer, CancellationToken.None);
        Assert.Equal(["9074729"], fleet.Imos);
        Assert.Equal(1, fleet.Revision);
        Assert.Single((await store.GetHistoryAsync(insurer, null, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task A_fleet_of_5000_is_stored_and_one_more_is_refused()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();

        var full = await store.ReplaceAsync(insurer, Imos.Range(100000, FleetStore.MaxImos), CancellationToken.None);
        var over = await store.ReplaceAsync(insurer, Imos.Range(100000, FleetStore.MaxImos + 1), CancellationToken.None);

        Assert.Equal(FleetStore.MaxImos, full.Fleet!.Imos.Count);
        Assert.Equal("imos", over.Refusal!.Field);
        Assert.Empty(over.Refusal.Entries);
        var stored = await store.GetAsync(insurer, CancellationToken.None);
        Assert.Equal(Imos.Range(100000, FleetStore.MaxImos), stored.Imos);
        Assert.True(await store.ContainsAsync(insurer, Imos.Of(100000 + FleetStore.MaxImos - 1), CancellationToken.None));
    }

    [Fact]
    public async Task Each_change_appends_a_history_row_with_what_it_added_and_removed_newest_first()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();
        var t0 = harness.Clock.GetUtcNow();

        await store.ReplaceAsync(insurer, [Imos.Of(1), Imos.Of(2)], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        await store.ReplaceAsync(insurer, [Imos.Of(2), Imos.Of(3)], CancellationToken.None);
        harness.Clock.Advance(TimeSpan.FromHours(1));
        var unchanged = await store.ReplaceAsync(insurer, [Imos.Of(3), Imos.Of(2), Imos.Of(2)], CancellationToken.None);
        await store.ReplaceAsync(insurer, [], CancellationToken.None);

        Assert.Equal(2, unchanged.Fleet!.Revision);
        var history = (await store.GetHistoryAsync(insurer, null, null, CancellationToken.None)).Items;
        Assert.Equal([3, 2, 1], history.Select(h => h.Revision));
        Assert.Equal([Imos.Of(1), Imos.Of(2)], history[2].Added);
        Assert.Empty(history[2].Removed);
        Assert.Equal(t0, history[2].ChangedAt);
        Assert.Equal([Imos.Of(3)], history[1].Added);
        Assert.Equal([Imos.Of(1)], history[1].Removed);
        Assert.Equal(t0.AddHours(1), history[1].ChangedAt);
        Assert.Empty(history[0].Added);
        Assert.Equal([Imos.Of(2), Imos.Of(3)], history[0].Removed);
        var fleet = await store.GetAsync(insurer, CancellationToken.None);
        Assert.Empty(fleet.Imos);
        Assert.Equal(3, fleet.Revision);

        var first = await store.GetHistoryAsync(insurer, null, 2, CancellationToken.None);
        var second = await store.GetHistoryAsync(insurer, first.ContinuationToken, 2, CancellationToken.None);
        Assert.Equal([3, 2], first.Items.Select(h => h.Revision));
        Assert.Equal([1], second.Items.Select(h => h.Revision));
        await Assert.ThrowsAsync<InvalidQueryException>(() => store.GetHistoryAsync(NewInsurer(), first.ContinuationToken, 2, CancellationToken.None));
    }

    [Fact]
    public async Task Concurrent_replacements_all_land_and_the_history_replays_to_the_current_fleet()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();
        const int writers = 6;

        var results = await Task.WhenAll(Enumerable.Range(0, writers)
            .Select(i => Task.Run(() => store.ReplaceAsync(insurer, Imos.Range(1000 * (i + 1), 3), CancellationToken.None))));

        Assert.All(results, r => Assert.NotNull(r.Fleet));
        Assert.Equal(Enumerable.Range(1, writers), results.Select(r => r.Fleet!.Revision).Order());
        var fleet = await store.GetAsync(insurer, CancellationToken.None);
        Assert.Equal(writers, fleet.Revision);
        var history = (await store.GetHistoryAsync(insurer, null, null, CancellationToken.None)).Items;
        Assert.Equal(Enumerable.Range(1, writers).Reverse(), history.Select(h => h.Revision));
        var replayed = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var change in history.Reverse())
        {
            replayed.ExceptWith(change.Removed);
            replayed.UnionWith(change.Added);
        }

        Assert.Equal(fleet.Imos, replayed);
    }

    [Fact]
    public async Task History_rows_are_never_rewritten()
    {
        await using var harness = await PipelineHarness.CreateAsync(azurite);
        var store = harness.Get<FleetStore>();
        var insurer = NewInsurer();
        await store.ReplaceAsync(insurer, [Imos.Of(1)], CancellationToken.None);
        var table = harness.Get<TableServiceClient>().GetTableClient(StorageNames.Tables.Fleets);
        var partition = PriceCapAttest.Pipeline.Storage.KeyEncoder.Encode(insurer);
        var before = await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();

        harness.Clock.Advance(TimeSpan.FromMinutes(5));
        await store.ReplaceAsync(insurer, [Imos.Of(2)], CancellationToken.None);

        var after = await table.QueryAsync<TableEntity>(e => e.PartitionKey == partition).ToListAsync();
        var history = before.Single(e => e.RowKey != "current");
        Assert.Equal(history.ETag, after.Single(e => e.RowKey == history.RowKey).ETag);
        Assert.Equal(3, after.Count);
    }
}
